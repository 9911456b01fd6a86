package io.firstpin.registration;

import io.firstpin.event.FrameMode;
import io.firstpin.event.LockedFrame;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.Secrets;
import io.firstpin.registration.RegistrationChanged.Change;
import io.firstpin.registration.internal.FrameQueue;
import io.firstpin.registration.internal.LotteryDraws;
import io.firstpin.registration.internal.ParentSeats;
import io.firstpin.registration.internal.ReceptionNumbers;
import io.firstpin.registration.internal.RegistrationRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * A frame's seats under its lock, in the caller's transaction: where a new registration sits, saving it numbered,
 * cancelling (and what hung on the seat), releasing an unconfirmed seat, and moving the waitlist up.
 */
@Component
class FrameSeats {

    private final RegistrationRepository registrations;
    private final FrameQueue queue;
    private final LotteryDraws draws;
    private final ParentSeats parentSeats;
    private final ReceptionNumbers receptionNumbers;
    private final RegistrationInserts inserts;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    FrameSeats(RegistrationRepository registrations, FrameQueue queue, LotteryDraws draws, ParentSeats parentSeats,
            ReceptionNumbers receptionNumbers, RegistrationInserts inserts, ApplicationEventPublisher publisher,
            Clock clock) {
        this.registrations = registrations;
        this.queue = queue;
        this.draws = draws;
        this.parentSeats = parentSeats;
        this.receptionNumbers = receptionNumbers;
        this.inserts = inserts;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * The member's earlier registration for the event applied again for the frame, or a new one; under the frame's
     * lock, before it is seated.
     */
    Registration applyAgainOrAnew(long organizationId, long eventId, long frameId, long memberId, Applicant applicant,
            String token, String mailed, Instant now) {
        // looked up as an id first: loading the whole registration is only worth it for someone who registered before
        return queue.registrationOf(eventId, memberId).flatMap(registrations::findById)
                .map(earlier -> {
                    earlier.reapply(frameId, applicant, Secrets.hash(token), Secrets.hash(mailed), now);
                    return earlier;
                })
                .orElseGet(() -> Registration.apply(organizationId, eventId, frameId, memberId, applicant,
                        Secrets.hash(token), Secrets.hash(mailed), now));
    }

    /**
     * Saves a new or re-applied registration, numbered under the event's reception lock (after the frame's); the
     * email's place at the event already held is a conflict.
     */
    Registration saveNew(Registration registration) {
        registration.numberIfNew(() -> receptionNumbers.next(registration.eventId()));
        try {
            return registration.id() == null ? inserts.insert(registration) : registrations.save(registration);
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("email", "registration.duplicate");
        }
    }

    /**
     * Releases the seat of a registrant who was asked to reconfirm and did not answer in time; the seat goes to the
     * first one waiting. A registrant who answered or cancelled meanwhile keeps their standing.
     *
     * @return whether the seat was released
     */
    boolean releaseUnconfirmed(long registrationId) {
        Registration registration = registrations.findById(registrationId)
                .orElseThrow(() -> NotFoundException.of("registration", registrationId));
        queue.lock(registration.frameId());
        Registration current = registrations.findById(registrationId).orElseThrow();
        if (!current.awaitsReconfirmation()) {
            return false;
        }
        current.cancel(clock.instant(), CancelReason.NO_RECONFIRMATION);
        registrations.save(current);
        fillFreeSeats(current.frameId());
        publisher.publishEvent(new RegistrationChanged(current, Change.RELEASED));
        cancelHanging(current);
        return true;
    }

    /** Confirms waiting registrants, first in line first, while the frame has free seats. */
    int promoteWaiting(long frameId) {
        queue.lock(frameId);
        return fillFreeSeats(frameId);
    }

    /** Cancels the registration under its frame's lock; the seat it freed goes to the first one waiting. */
    Registration cancel(Registration registration, CancelReason reason) {
        queue.lock(registration.frameId());
        Registration current = registrations.findById(registration.id()).orElseThrow();
        if (current.status() == RegistrationStatus.CANCELLED) {
            return current;
        }
        boolean seatFreed = current.cancel(clock.instant(), reason);
        registrations.save(current);
        if (seatFreed) {
            fillFreeSeats(current.frameId());
        }
        publisher.publishEvent(new RegistrationChanged(current, Change.CANCELLED));
        cancelHanging(current);
        return current;
    }

    /**
     * Cancels the registrations for the event's sub-events (its 懇親会) that hung on this seat, in the same transaction;
     * each sub-event frame's waitlist moves up.
     */
    private void cancelHanging(Registration ended) {
        for (long hanging : parentSeats.hangingOn(ended.eventId(), ended.emailKey())) {
            cancel(registrations.findById(hanging).orElseThrow(), CancelReason.PARENT_CANCELLED);
        }
    }

    /** Caller holds the frame's lock. */
    private int fillFreeSeats(long frameId) {
        LockedFrame frame = queue.lock(frameId);
        if (lotteryPending(frameId, frame)) {
            return 0;
        }
        int promoted = 0;
        int confirmed = queue.confirmed(frameId);
        while (frame.hasSeatFor(confirmed)) {
            Optional<Long> next = queue.firstWaiting(frameId);
            if (next.isEmpty()) {
                break;
            }
            Registration waiting = registrations.findById(next.get()).orElseThrow();
            waiting.confirm();
            registrations.save(waiting);
            publisher.publishEvent(new RegistrationChanged(waiting, Change.PROMOTED));
            confirmed++;
            promoted++;
        }
        return promoted;
    }

    /** Caller holds the frame's lock; {@code frame} is what the lock read. */
    Seat seat(Registration registration, long frameId, LockedFrame frame) {
        if (lotteryPending(frameId, frame)) {
            registration.awaitDraw();
            return new Seat(Change.APPLIED, null);
        }
        FrameQueue.Standing standing = queue.standing(frameId);
        if (frame.hasSeatFor(standing.confirmed())) {
            registration.confirm();
            return new Seat(Change.CONFIRMED, null);
        }
        registration.waitlist(standing.lastQueueNumber() + 1);
        // everyone waiting has a smaller queue number, so the newcomer's place is right behind them
        return new Seat(Change.WAITLISTED, standing.waiting() + 1);
    }

    /** Where a new registration sits: its change, and its place in the waitlist when it waits. */
    record Seat(Change change, Integer waitlistPosition) {
    }

    /**
     * Caller holds the frame's lock. Pending until the frame is drawn, not merely until its lottery time: the draw
     * runs a little later, and whoever applies in between still takes part in it.
     */
    private boolean lotteryPending(long frameId, LockedFrame frame) {
        return frame.mode() == FrameMode.LOTTERY && !draws.drawn(frameId);
    }
}
