package io.firstpin.event;

import static io.firstpin.platform.db.Tables.EVENT;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * Events by their times, as query parts that other modules' tasks join with their own tables in one statement, so
 * that the event table is read by its owner's code only.
 */
public final class EventTimes {

    private EventTimes() {
    }

    /**
     * The events starting in (after, by], as a table of their {@link #id} and {@link #startsAt}; read its columns
     * through those two.
     */
    public static Table<Record2<Long, OffsetDateTime>> startingIn(Instant after, Instant by) {
        return DSL.select(EVENT.ID.as("id"), EVENT.STARTS_AT.as("starts_at"))
                .from(EVENT)
                .where(EVENT.STARTS_AT.gt(at(after)))
                .and(EVENT.STARTS_AT.le(at(by)))
                .asTable("starting");
    }

    public static Field<Long> id(Table<Record2<Long, OffsetDateTime>> events) {
        return events.field(0, Long.class);
    }

    /** The start of an event of {@link #startingIn}. */
    public static Field<OffsetDateTime> startsAt(Table<Record2<Long, OffsetDateTime>> events) {
        return events.field(1, OffsetDateTime.class);
    }

    /**
     * The ids of the events that ended in (after, by] and have no row yet in a module's table of once-per-event rounds
     * (given by its event id column), the earliest ended first: the events that round is due for.
     */
    public static Select<Record1<Long>> endedWithoutRound(Instant after, Instant by, TableField<?, Long> roundEventId) {
        return DSL.select(EVENT.ID)
                .from(EVENT)
                .where(EVENT.ENDS_AT.gt(at(after)))
                .and(EVENT.ENDS_AT.le(at(by)))
                .andNotExists(DSL.selectOne().from(roundEventId.getTable()).where(roundEventId.eq(EVENT.ID)))
                .orderBy(EVENT.ENDS_AT, EVENT.ID);
    }

    /** The ids of the events that ended before the time. */
    public static Select<Record1<Long>> endedBefore(Instant before) {
        return DSL.select(EVENT.ID).from(EVENT).where(EVENT.ENDS_AT.lt(at(before)));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
