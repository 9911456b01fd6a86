package io.firstpin.attendee.internal;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static io.firstpin.platform.db.Tables.FRAME;
import static io.firstpin.platform.db.Tables.REGISTRATION;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import io.firstpin.attendee.AttendeeRule;
import io.firstpin.platform.db.tables.Attendance;
import io.firstpin.platform.db.tables.Registration;
import org.jooq.Field;

/** What an event's row in {@code attendee_event} keeps besides its attendees: its basis and its seats. */
final class Seats {

    private Seats() {
    }

    static Field<Boolean> checkedIn(Field<Long> eventId) {
        return field(exists(selectOne().from(ATTENDANCE).where(ATTENDANCE.EVENT_ID.eq(eventId))));
    }

    /** The event's confirmed registrations, counted per frame, whose index holds them by status. */
    static Field<Integer> confirmed(Field<Long> eventId) {
        Registration r = REGISTRATION.as("seat");
        return field(select(count()).from(r)
                .where(r.FRAME_ID.in(select(FRAME.ID).from(FRAME).where(FRAME.EVENT_ID.eq(eventId))))
                .and(AttendeeRule.holdsSeat(r)));
    }

    /** The event's confirmed registrations without a check-in; meaningful only where anyone checked in. */
    static Field<Integer> noShows(Field<Long> eventId) {
        Registration r = REGISTRATION.as("no_show");
        Attendance a = ATTENDANCE.as("seat_check_in");
        return field(select(count()).from(r)
                .where(r.FRAME_ID.in(select(FRAME.ID).from(FRAME).where(FRAME.EVENT_ID.eq(eventId))))
                .and(AttendeeRule.holdsSeat(r))
                .and(notExists(selectOne().from(a).where(a.EVENT_ID.eq(r.EVENT_ID)).and(a.MEMBER_ID.eq(r.MEMBER_ID)))));
    }
}
