package io.firstpin.attendee;

import static io.firstpin.platform.db.Tables.ATTENDEE_WALK;

import io.firstpin.platform.db.tables.AttendeeWalk;
import java.time.OffsetDateTime;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The kept walks as query parts, for the KPIs' statements: one row per attendee of a scope's event (staff left out),
 * where a scope is a community alone or with its branches, with the member's previous attendance in that scope, the
 * one before it, and the next. A newcomer has no previous attendance; a return to the scope's previous event is a
 * previous event equal to it. Readers bring the rows up to date first ({@link Attendees#catchUp()}).
 */
public final class AttendeeWalks {

    private static final AttendeeWalks WALKS = new AttendeeWalks(ATTENDEE_WALK);

    private final AttendeeWalk w;

    private AttendeeWalks(AttendeeWalk w) {
        this.w = w;
    }

    public static AttendeeWalks walks() {
        return WALKS;
    }

    /** The walks once more under another name, for a statement that reads them twice. */
    public static AttendeeWalks as(String alias) {
        return new AttendeeWalks(ATTENDEE_WALK.as(alias));
    }

    public Table<?> table() {
        return w;
    }

    public Field<Long> memberId() {
        return w.MEMBER_ID;
    }

    /** The scope's community. */
    public Field<Long> scopeId() {
        return w.SCOPE_ID;
    }

    /** Whether the scope is the community with its branches. */
    public Field<Boolean> branches() {
        return w.BRANCHES;
    }

    public Field<Long> eventId() {
        return w.EVENT_ID;
    }

    public Field<OffsetDateTime> startsAt() {
        return w.STARTS_AT;
    }

    /** The member's previous event in the scope; null for a newcomer. */
    public Field<Long> previousEventId() {
        return w.PREVIOUS_EVENT_ID;
    }

    public Field<OffsetDateTime> previousAt() {
        return w.PREVIOUS_AT;
    }

    /** The start of the member's attendance before the previous one. */
    public Field<OffsetDateTime> beforePreviousAt() {
        return w.BEFORE_PREVIOUS_AT;
    }

    /** The start of the member's next attendance in the scope; null for none yet. */
    public Field<OffsetDateTime> nextAt() {
        return w.NEXT_AT;
    }
}
