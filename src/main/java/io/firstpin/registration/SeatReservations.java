package io.firstpin.registration;

import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.event.LockedFrame;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.Secrets;
import io.firstpin.registration.RegistrationChanged.Change;
import io.firstpin.registration.internal.FrameQueue;
import io.firstpin.registration.internal.ParentSeats;
import io.firstpin.registration.internal.RegistrationLinks;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Seats staff reserve for someone they invite, such as a speaker, outside the registration window and any lottery. */
@Service
public class SeatReservations {

    private final FrameQueue queue;
    private final FrameSeats seats;
    private final ParentSeats parentSeats;
    private final Events events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    SeatReservations(FrameQueue queue, FrameSeats seats, ParentSeats parentSeats, Events events,
            ApplicationEventPublisher publisher, Clock clock) {
        this.queue = queue;
        this.seats = seats;
        this.parentSeats = parentSeats;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Staff invite a member to the event and reserve them a confirmed seat in the frame (an LT frame, typically): the
     * same frame lock and seat count as any registration, so a full frame is refused rather than overbooked. The
     * registration window and a pending lottery do not apply: staff choose the person. The member gets an invitation
     * email with their private link.
     *
     * @throws ConflictException when the frame has no free seat or the member is registered for the event already
     */
    @Transactional
    public Registered reserve(long organizationId, long eventId, long frameId, long memberId, Applicant invitee) {
        EventSummary event = events.summary(eventId).filter(e -> e.organizationId() == organizationId)
                .orElseThrow(() -> NotFoundException.of("event", eventId));
        String frameName = queue.frameNames(eventId).get(frameId);
        if (frameName == null) {
            throw NotFoundException.of("frame", frameId);
        }
        String token = Secrets.newSecret(RegistrationLinks.TOKEN_PREFIX);
        String mailed = Secrets.newSecret(RegistrationLinks.TOKEN_PREFIX);
        Instant now = clock.instant();
        parentSeats.require(event, invitee.emailKey());
        queue.freeEmailPlace(eventId, invitee.emailKey());
        LockedFrame frame = queue.lock(frameId);
        Registration registration = seats.applyAgainOrAnew(organizationId, eventId, frameId, memberId, invitee,
                token, mailed, now);
        if (!frame.hasSeatFor(queue.standing(frameId).confirmed())) {
            throw new ConflictException("frame", "registration.reserve.full", frameName);
        }
        registration.confirm();
        registration = seats.saveNew(registration);
        publisher.publishEvent(new RegistrationChanged(registration, Change.INVITED, mailed, null, event, frameName));
        return new Registered(registration, null, token);
    }
}
