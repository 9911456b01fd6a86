package io.firstpin.registration;

import static io.firstpin.platform.db.Tables.REGISTRATION;

import java.time.OffsetDateTime;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * An event's registrations of any status as a query part, with who registered and how to reach them, for another
 * module's query that picks among them by its own rule (the attendee rule, a survey's or a nudge's recipients) in one
 * statement; the registration table is read by its owner's code only.
 *
 * @param table join or select from it; its columns are the fields below
 */
public record EventRegistrants(Table<?> table, Field<Long> id, Field<Long> eventId, Field<Long> memberId,
        Field<String> name, Field<String> email, Field<String> locale, Field<OffsetDateTime> registeredAt) {

    public static EventRegistrants of(long eventId) {
        Table<?> table = DSL.select(REGISTRATION.ID.as("id"), REGISTRATION.EVENT_ID.as("event_id"),
                        REGISTRATION.MEMBER_ID.as("member_id"), REGISTRATION.NAME.as("name"),
                        REGISTRATION.EMAIL.as("email"), REGISTRATION.LOCALE.as("locale"),
                        REGISTRATION.REGISTERED_AT.as("registered_at"))
                .from(REGISTRATION)
                .where(REGISTRATION.EVENT_ID.eq(eventId))
                .asTable("registrant");
        return new EventRegistrants(table, table.field("id", Long.class), table.field("event_id", Long.class),
                table.field("member_id", Long.class), table.field("name", String.class),
                table.field("email", String.class), table.field("locale", String.class),
                table.field("registered_at", OffsetDateTime.class));
    }
}
