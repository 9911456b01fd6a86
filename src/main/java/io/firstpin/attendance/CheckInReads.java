package io.firstpin.attendance;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static org.jooq.impl.DSL.select;

import io.firstpin.platform.db.tables.Attendance;
import java.time.OffsetDateTime;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;

/**
 * The check-ins as query parts for other modules' statements (a member's timeline and communities), so that the
 * attendance table is read by its owner's code only. A check-in alone does not make an attendee: the attendee module
 * says who attended.
 */
public final class CheckInReads {

    private CheckInReads() {
    }

    public static Table<?> checkIns() {
        return ATTENDANCE;
    }

    /** The check-in of this member at this event, for a join. */
    public static Condition of(Field<Long> eventId, Field<Long> memberId) {
        return ATTENDANCE.EVENT_ID.eq(eventId).and(ATTENDANCE.MEMBER_ID.eq(memberId));
    }

    public static Field<OffsetDateTime> checkedInAt() {
        return ATTENDANCE.CHECKED_IN_AT;
    }

    /** The ids of the events the member checked in at. */
    public static Select<Record1<Long>> eventsCheckedInBy(long memberId) {
        Attendance a = ATTENDANCE.as("a");
        return select(a.EVENT_ID).from(a).where(a.MEMBER_ID.eq(memberId));
    }
}
