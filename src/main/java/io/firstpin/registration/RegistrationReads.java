package io.firstpin.registration;

import static io.firstpin.platform.db.Tables.REGISTRATION;
import static org.jooq.impl.DSL.select;

import io.firstpin.platform.db.tables.Registration;
import java.time.OffsetDateTime;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;

/**
 * The registrations as query parts for other modules' statements (a member's timeline and communities), so that the
 * registration table is read by its owner's code only. Who attended is the attendee module's to say, never a status
 * read here.
 */
public final class RegistrationReads {

    private RegistrationReads() {
    }

    /** Every registration, whatever its status. */
    public static Table<?> registrations() {
        return REGISTRATION;
    }

    public static Field<Long> organizationId() {
        return REGISTRATION.ORGANIZATION_ID;
    }

    public static Field<Long> eventId() {
        return REGISTRATION.EVENT_ID;
    }

    public static Field<Long> memberId() {
        return REGISTRATION.MEMBER_ID;
    }

    /** The {@link RegistrationStatus}, by name. */
    public static Field<String> status() {
        return REGISTRATION.STATUS;
    }

    public static Field<OffsetDateTime> registeredAt() {
        return REGISTRATION.REGISTERED_AT;
    }

    /** The ids of the events the member registered for, whatever the status, as a column {@code event_id}. */
    public static Select<Record1<Long>> eventsRegisteredBy(long memberId) {
        Registration r = REGISTRATION.as("r");
        return select(r.EVENT_ID.as("event_id")).from(r).where(r.MEMBER_ID.eq(memberId));
    }
}
