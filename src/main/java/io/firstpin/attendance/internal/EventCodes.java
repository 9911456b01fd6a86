package io.firstpin.attendance.internal;

import static io.firstpin.platform.db.Tables.ATTENDANCE_CODE_ATTEMPT;
import static io.firstpin.platform.db.Tables.EVENT_CHECKIN_CODE;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Each event's attendance code (出席コード), and the wrong tries per registration. */
@Component
public class EventCodes {

    private final DSLContext db;

    EventCodes(DSLContext db) {
        this.db = db;
    }

    public Optional<Issued> find(long eventId) {
        return db.select(EVENT_CHECKIN_CODE.CODE, EVENT_CHECKIN_CODE.ISSUED_AT)
                .from(EVENT_CHECKIN_CODE)
                .where(EVENT_CHECKIN_CODE.EVENT_ID.eq(eventId))
                .fetchOptional(row -> new Issued(row.value1(), row.value2().toInstant()));
    }

    /** Stores the code unless the event has one; when two staff open the page at once, the first one stays. */
    public void issueIfAbsent(long organizationId, long eventId, String code, Instant now) {
        db.insertInto(EVENT_CHECKIN_CODE)
                .set(EVENT_CHECKIN_CODE.EVENT_ID, eventId)
                .set(EVENT_CHECKIN_CODE.ORGANIZATION_ID, organizationId)
                .set(EVENT_CHECKIN_CODE.CODE, code)
                .set(EVENT_CHECKIN_CODE.ISSUED_AT, now.atOffset(ZoneOffset.UTC))
                .onConflict(EVENT_CHECKIN_CODE.EVENT_ID)
                .doNothing()
                .execute();
    }

    public void replace(long organizationId, long eventId, String code, Instant now) {
        int updated = db.update(EVENT_CHECKIN_CODE)
                .set(EVENT_CHECKIN_CODE.CODE, code)
                .set(EVENT_CHECKIN_CODE.ISSUED_AT, now.atOffset(ZoneOffset.UTC))
                .where(EVENT_CHECKIN_CODE.EVENT_ID.eq(eventId))
                .execute();
        if (updated == 0) {
            issueIfAbsent(organizationId, eventId, code, now);
        }
    }

    /** The caller holds the registration's lock, so tries of one registration are counted one at a time. */
    public Attempts attempts(long registrationId) {
        return db.select(ATTENDANCE_CODE_ATTEMPT.FAILURES, ATTENDANCE_CODE_ATTEMPT.LOCKED_UNTIL)
                .from(ATTENDANCE_CODE_ATTEMPT)
                .where(ATTENDANCE_CODE_ATTEMPT.REGISTRATION_ID.eq(registrationId))
                .fetchOptional(row -> new Attempts(row.value1(),
                        row.value2() == null ? null : row.value2().toInstant()))
                .orElse(new Attempts(0, null));
    }

    /** The caller holds the registration's lock. */
    public void record(long registrationId, Attempts attempts) {
        var lockedUntil = attempts.lockedUntil() == null ? null
                : attempts.lockedUntil().atOffset(ZoneOffset.UTC);
        int updated = db.update(ATTENDANCE_CODE_ATTEMPT)
                .set(ATTENDANCE_CODE_ATTEMPT.FAILURES, attempts.failures())
                .set(ATTENDANCE_CODE_ATTEMPT.LOCKED_UNTIL, lockedUntil)
                .where(ATTENDANCE_CODE_ATTEMPT.REGISTRATION_ID.eq(registrationId))
                .execute();
        if (updated == 0) {
            db.insertInto(ATTENDANCE_CODE_ATTEMPT)
                    .set(ATTENDANCE_CODE_ATTEMPT.REGISTRATION_ID, registrationId)
                    .set(ATTENDANCE_CODE_ATTEMPT.FAILURES, attempts.failures())
                    .set(ATTENDANCE_CODE_ATTEMPT.LOCKED_UNTIL, lockedUntil)
                    .execute();
        }
    }

    public record Issued(String code, Instant issuedAt) {
    }

    /** Wrong tries since the last lock or success, and until when the registration is locked. */
    public record Attempts(int failures, Instant lockedUntil) {
    }
}
