package io.firstpin.registration.internal;

import static io.firstpin.platform.db.Tables.REGISTRATION;

import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.event.SubEvents;
import io.firstpin.platform.ConflictException;
import io.firstpin.registration.RegistrationStatus;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * A sub-event's registrations (e.g. the 懇親会's) hang on a confirmed seat at the parent event, matched by email.
 *
 * <p>Why the parent's registration row is locked: a cancellation of the parent seat writes that row before it cancels
 * the sub-event registrations with the same email. A sub-event registration that holds the row's lock while it is
 * written is therefore either seen by that cascade or, coming after it, finds the parent seat gone. The order of locks
 * is always the parent's frame, the parent registration, then the sub-event's frame.
 */
@Component
public class ParentSeats {

    private static final List<String> ACTIVE = List.of(RegistrationStatus.CONFIRMED.name(),
            RegistrationStatus.WAITLISTED.name(), RegistrationStatus.APPLIED.name());

    private final DSLContext db;
    private final Events events;
    private final SubEvents subEvents;

    ParentSeats(DSLContext db, Events events, SubEvents subEvents) {
        this.db = db;
        this.events = events;
        this.subEvents = subEvents;
    }

    /**
     * For a sub-event, locks the email's confirmed registration for the parent event until the transaction ends.
     *
     * @throws ConflictException when the email holds no confirmed seat at the parent
     */
    public void require(EventSummary event, String emailKey) {
        if (event.parentEventId() == null) {
            return;
        }
        boolean seated = db.select(REGISTRATION.ID).from(REGISTRATION)
                .where(REGISTRATION.EVENT_ID.eq(event.parentEventId()))
                .and(REGISTRATION.EMAIL_KEY.eq(emailKey))
                .and(REGISTRATION.STATUS.eq(RegistrationStatus.CONFIRMED.name()))
                .forUpdate()
                .fetchOptional()
                .isPresent();
        if (!seated) {
            String parentTitle = events.summary(event.parentEventId()).map(EventSummary::title).orElse("");
            throw new ConflictException("email", "registration.sub-event.parent-seat-required", parentTitle);
        }
    }

    /** The email's active registrations (confirmed, waiting or applied) at the event's sub-events. */
    public List<Long> hangingOn(long parentEventId, String emailKey) {
        if (emailKey == null) {
            return List.of();
        }
        List<Long> subEventIds = subEvents.idsOf(parentEventId);
        if (subEventIds.isEmpty()) {
            return List.of();
        }
        return db.select(REGISTRATION.ID).from(REGISTRATION)
                .where(REGISTRATION.EVENT_ID.in(subEventIds))
                .and(REGISTRATION.EMAIL_KEY.eq(emailKey))
                .and(REGISTRATION.STATUS.in(ACTIVE))
                .orderBy(REGISTRATION.ID)
                .fetch(REGISTRATION.ID);
    }
}
