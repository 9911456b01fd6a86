package io.firstpin.attendance.internal;

import static io.firstpin.platform.db.Tables.ATTENDANCE;

import io.firstpin.registration.AttendanceLookup;
import java.util.HashSet;
import java.util.Set;
import org.jooq.DSLContext;
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
}
