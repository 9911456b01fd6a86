package io.firstpin.attendee;

import static io.firstpin.platform.db.Tables.ATTENDEE;
import static io.firstpin.platform.db.Tables.ATTENDEE_EVENT;

import java.time.OffsetDateTime;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The kept attendee rows as query parts, for readers that compose them with their own statements (the KPIs): one row
 * per attendee of an event by {@link AttendeeRule}, and one per event with how it was counted. Readers bring the rows
 * up to date first ({@link Attendees#catchUp()}). The walks through each scope are {@link AttendeeWalks}.
 */
public final class AttendeeReads {

    private AttendeeReads() {
    }

    /** The attendees: one row per member who attended an event. */
    public static Table<?> attendees() {
        return ATTENDEE;
    }

    public static Field<Long> eventId() {
        return ATTENDEE.EVENT_ID;
    }

    public static Field<Long> memberId() {
        return ATTENDEE.MEMBER_ID;
    }

    /** The community of the attendee's event. */
    public static Field<Long> communityId() {
        return ATTENDEE.COMMUNITY_ID;
    }

    /** The start of the attendee's event. */
    public static Field<OffsetDateTime> startsAt() {
        return ATTENDEE.STARTS_AT;
    }

    /** One row per counted event: whether anyone checked in, its confirmed registrations and its no-shows. */
    public static Table<?> countedEvents() {
        return ATTENDEE_EVENT;
    }

    public static Field<Long> countedEventId() {
        return ATTENDEE_EVENT.EVENT_ID;
    }

    /** Whether its attendees were counted by check-in rather than by confirmed registration. */
    public static Field<Boolean> checkedIn() {
        return ATTENDEE_EVENT.CHECKED_IN;
    }

    public static Field<Integer> confirmed() {
        return ATTENDEE_EVENT.CONFIRMED;
    }

    /** Confirmed registrations without a check-in, at an event where anyone checked in. */
    public static Field<Integer> noShows() {
        return ATTENDEE_EVENT.NO_SHOWS;
    }
}
