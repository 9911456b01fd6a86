package io.firstpin.event;

import static io.firstpin.platform.db.Tables.EVENT;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Events by their title and start, as a query part that other modules join with their own rows in one statement (a
 * member's past events, the answers given for a community's events), so that the event table is read by its owner's
 * code only.
 *
 * @param table join it on {@link #id}; its columns are the fields below
 */
public record EventHeadlines(Table<?> table, Field<Long> id, Field<Long> organizationId, Field<Long> communityId,
        Field<String> title, Field<OffsetDateTime> startsAt) {

    public static EventHeadlines all() {
        return where(DSL.noCondition());
    }

    /** The events started at or before the time. */
    public static EventHeadlines startedBy(Instant at) {
        return where(EVENT.STARTS_AT.le(at.atOffset(ZoneOffset.UTC)));
    }

    /** The events started strictly before the time: an event's predecessors. */
    public static EventHeadlines startedBefore(Instant at) {
        return where(EVENT.STARTS_AT.lt(at.atOffset(ZoneOffset.UTC)));
    }

    private static EventHeadlines where(Condition which) {
        Table<?> table = DSL.select(EVENT.ID.as("id"), EVENT.ORGANIZATION_ID.as("organization_id"),
                        EVENT.COMMUNITY_ID.as("community_id"), EVENT.TITLE.as("title"), EVENT.STARTS_AT.as("starts_at"))
                .from(EVENT)
                .where(which)
                .asTable("headline");
        return new EventHeadlines(table, table.field("id", Long.class), table.field("organization_id", Long.class),
                table.field("community_id", Long.class), table.field("title", String.class),
                table.field("starts_at", OffsetDateTime.class));
    }
}
