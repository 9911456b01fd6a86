package io.firstpin.event;

import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.FRAME;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The frames of an organization's upcoming events with their event's title and start, as a query part that another
 * module counts its own rows against (seats taken) in one statement; the event tables are read by their owner's code
 * only.
 *
 * @param table select from it; its columns are the fields below
 */
public record UpcomingFrames(Table<?> table, Field<Long> frameId, Field<String> frameName, Field<Integer> capacity,
        Field<Integer> displayOrder, Field<Long> eventId, Field<String> eventTitle, Field<OffsetDateTime> startsAt) {

    /** The frames of the organization's events starting after the time. */
    public static UpcomingFrames of(long organizationId, Instant after) {
        Table<?> table = DSL.select(FRAME.ID.as("frame_id"), FRAME.NAME.as("frame_name"), FRAME.CAPACITY.as("capacity"),
                        FRAME.DISPLAY_ORDER.as("display_order"), EVENT.ID.as("event_id"), EVENT.TITLE.as("event_title"),
                        EVENT.STARTS_AT.as("starts_at"))
                .from(FRAME)
                .join(EVENT).on(EVENT.ID.eq(FRAME.EVENT_ID))
                .where(EVENT.ORGANIZATION_ID.eq(organizationId))
                .and(EVENT.STARTS_AT.gt(after.atOffset(ZoneOffset.UTC)))
                .asTable("upcoming_frame");
        return new UpcomingFrames(table, table.field("frame_id", Long.class), table.field("frame_name", String.class),
                table.field("capacity", Integer.class), table.field("display_order", Integer.class),
                table.field("event_id", Long.class), table.field("event_title", String.class),
                table.field("starts_at", OffsetDateTime.class));
    }
}
