package io.firstpin.registration;

import static io.firstpin.platform.db.Tables.REGISTRATION;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Inserts a new registration with one jOOQ statement, as the registering transaction holds its frame's lock: Spring
 * Data's generic insert costs a rush several times the CPU of the statement itself (on PostgreSQL it builds and drops
 * an exception each time), all of it while others wait for that lock. The registration's domain events are published
 * as Spring Data publishes them on save, so whoever follows registrations hears of it the same way. Changes to
 * existing rows still go through the repository.
 */
@Component
class RegistrationInserts {

    private final DSLContext db;
    private final ApplicationEventPublisher publisher;

    RegistrationInserts(DSLContext db, ApplicationEventPublisher publisher) {
        this.db = db;
        this.publisher = publisher;
    }

    Registration insert(Registration registration) {
        long id = db.insertInto(REGISTRATION)
                .set(REGISTRATION.ORGANIZATION_ID, registration.organizationId())
                .set(REGISTRATION.EVENT_ID, registration.eventId())
                .set(REGISTRATION.FRAME_ID, registration.frameId())
                .set(REGISTRATION.MEMBER_ID, registration.memberId())
                .set(REGISTRATION.NAME, registration.name())
                .set(REGISTRATION.EMAIL, registration.email())
                .set(REGISTRATION.STATUS, registration.status().name())
                .set(REGISTRATION.WAITLIST_POSITION, registration.queueNumber())
                .set(REGISTRATION.MANAGE_TOKEN_HASH, registration.manageTokenHash())
                .set(REGISTRATION.REGISTERED_AT, at(registration.registeredAt()))
                .set(REGISTRATION.CANCELLED_AT, at(registration.cancelledAt()))
                .set(REGISTRATION.CANCEL_REASON, registration.cancelReason() == null ? null
                        : registration.cancelReason().name())
                .set(REGISTRATION.LOCALE, registration.localeTag())
                .set(REGISTRATION.RECONFIRM_REQUESTED_AT, at(registration.reconfirmRequestedAt()))
                .set(REGISTRATION.RECONFIRMED_AT, at(registration.reconfirmedAt()))
                .set(REGISTRATION.EMAIL_KEY, registration.emailKey())
                .set(REGISTRATION.PROOF_TOKEN_HASH, registration.proofTokenHash())
                .set(REGISTRATION.NOMINATED_BY, registration.nominatedBy())
                .set(REGISTRATION.NOMINATED_AT, at(registration.nominatedAt()))
                .set(REGISTRATION.RECEPTION_NUMBER, registration.receptionNumber())
                .returningResult(REGISTRATION.ID)
                .fetchOne(REGISTRATION.ID);
        registration.identify(id);
        registration.takeEvents().forEach(publisher::publishEvent);
        return registration;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
