package io.firstpin.attendance.internal;

import static io.firstpin.platform.db.Tables.ATTENDANCE_UNDO;

import io.firstpin.attendance.Attendance;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Keeps what an undone check-in was, who undid it and when: the attendance row itself is gone. */
@Component
public class UndoLog {

    private final DSLContext db;

    UndoLog(DSLContext db) {
        this.db = db;
    }

    public void record(long organizationId, Attendance undone, Long staffAccountId, Instant now) {
        db.insertInto(ATTENDANCE_UNDO)
                .set(ATTENDANCE_UNDO.ORGANIZATION_ID, organizationId)
                .set(ATTENDANCE_UNDO.EVENT_ID, undone.eventId())
                .set(ATTENDANCE_UNDO.MEMBER_ID, undone.memberId())
                .set(ATTENDANCE_UNDO.REGISTRATION_ID, undone.registrationId())
                .set(ATTENDANCE_UNDO.METHOD, undone.method().name())
                .set(ATTENDANCE_UNDO.CHECKED_IN_AT, undone.checkedInAt().atOffset(ZoneOffset.UTC))
                .set(ATTENDANCE_UNDO.UNDONE_AT, now.atOffset(ZoneOffset.UTC))
                .set(ATTENDANCE_UNDO.UNDONE_BY, staffAccountId)
                .execute();
    }
}
