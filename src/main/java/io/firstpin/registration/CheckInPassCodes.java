package io.firstpin.registration;

import static io.firstpin.platform.db.Tables.REGISTRATION;

import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * A registration's check-in pass code (the code its QR carries), for the attendance module's check-in desk, and the
 * registration row lock that every check-in of a registrant takes first: with it, two staff scanning the same QR, or
 * an attendee guessing codes in several tabs, are decided one after the other, on one app instance or several. The
 * code lives on the registration row, so that it is cleared with the registrant's link and on erasure.
 */
@Service
public class CheckInPassCodes {

    private final DSLContext db;

    CheckInPassCodes(DSLContext db) {
        this.db = db;
    }

    /** Locks the registration's row until the transaction ends; empty when it is not one of the event's. */
    public Optional<Long> lockForCheckIn(long organizationId, long eventId, long registrationId) {
        return db.select(REGISTRATION.ID)
                .from(REGISTRATION)
                .where(REGISTRATION.ID.eq(registrationId)
                        .and(REGISTRATION.ORGANIZATION_ID.eq(organizationId))
                        .and(REGISTRATION.EVENT_ID.eq(eventId)))
                .forUpdate()
                .fetchOptional(REGISTRATION.ID);
    }

    public Optional<String> codeOf(long registrationId) {
        return db.select(REGISTRATION.CHECKIN_CODE)
                .from(REGISTRATION)
                .where(REGISTRATION.ID.eq(registrationId))
                .fetchOptional(REGISTRATION.CHECKIN_CODE);
    }

    /** Sets the code unless the registration has one already; answers the code it ends up with. */
    public String assignIfAbsent(long registrationId, String code) {
        db.update(REGISTRATION)
                .set(REGISTRATION.CHECKIN_CODE, code)
                .where(REGISTRATION.ID.eq(registrationId).and(REGISTRATION.CHECKIN_CODE.isNull()))
                .execute();
        return codeOf(registrationId).orElseThrow();
    }

    /** The registration of this event that carries the code; a code of another event or organization finds nothing. */
    public Optional<Long> registrationWithCode(long organizationId, long eventId, String code) {
        return db.select(REGISTRATION.ID)
                .from(REGISTRATION)
                .where(REGISTRATION.CHECKIN_CODE.eq(code)
                        .and(REGISTRATION.ORGANIZATION_ID.eq(organizationId))
                        .and(REGISTRATION.EVENT_ID.eq(eventId)))
                .fetchOptional(REGISTRATION.ID);
    }
}
