package io.firstpin.event;

import static io.firstpin.platform.db.Tables.EVENT;

import java.time.Instant;
import java.time.ZoneOffset;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * Events by their times, as query parts that other modules' tasks join with their own tables in one statement, so
 * that the event table is read by its owner's code only. The rounds due before or after an event are found by
 * {@link EventRounds}.
 */
public final class EventTimes {

    private EventTimes() {
    }

    /** The ids of the events that ended before the time. */
    public static Select<Record1<Long>> endedBefore(Instant before) {
        return DSL.select(EVENT.ID).from(EVENT).where(EVENT.ENDS_AT.lt(before.atOffset(ZoneOffset.UTC)));
    }
}
