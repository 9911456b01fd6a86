package io.firstpin.attendance.internal;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.selectOne;

import io.firstpin.platform.db.tables.Attendance;
import io.firstpin.registration.AttendanceLookup;
import java.util.HashSet;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

@Component
class CheckedInRegistrations implements AttendanceLookup {

    private final DSLContext db;

    CheckedInRegistrations(DSLContext db) {
        this.db = db;
    }

    @Override
    public Set<Long> checkedInRegistrations(long eventId) {
        return new HashSet<>(db.select(ATTENDANCE.REGISTRATION_ID)
                .from(ATTENDANCE)
                .where(ATTENDANCE.EVENT_ID.eq(eventId).and(ATTENDANCE.REGISTRATION_ID.isNotNull()))
                .fetch(ATTENDANCE.REGISTRATION_ID));
    }

    @Override
    public Condition checkedIn(Field<Long> eventId, Field<Long> memberId) {
        Attendance checkIn = ATTENDANCE.as("lookup_check_in");
        return exists(selectOne().from(checkIn)
                .where(checkIn.EVENT_ID.eq(eventId)).and(checkIn.MEMBER_ID.eq(memberId)));
    }

    @Override
    public Condition anyoneCheckedIn(Field<Long> eventId) {
        Attendance any = ATTENDANCE.as("lookup_any_check_in");
        return exists(selectOne().from(any).where(any.EVENT_ID.eq(eventId)));
    }
}
