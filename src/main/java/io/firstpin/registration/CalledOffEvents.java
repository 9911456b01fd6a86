package io.firstpin.registration;

import io.firstpin.event.Event;
import io.firstpin.event.EventCalledOff;
import io.firstpin.event.EventDateDecided;
import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.registration.internal.FrameQueue;
import io.firstpin.registration.internal.RegistrationMails;
import io.firstpin.registration.internal.RegistrationRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells everyone registered for an event that it is cancelled (中止) or postponed (延期), and later the new date of a
 * postponed one, inside the transaction that
 * changed its status, so the emails are queued exactly when the change commits, and only the one transaction that made
 * the change gets here. A cancellation ends every registration without moving anyone up from the waitlist: there is
 * no seat left to give.
 */
@Component
class CalledOffEvents {

    private final RegistrationRepository registrations;
    private final FrameQueue queue;
    private final RegistrationMails mails;
    private final Events events;
    private final Clock clock;

    CalledOffEvents(RegistrationRepository registrations, FrameQueue queue, RegistrationMails mails, Events events,
            Clock clock) {
        this.registrations = registrations;
        this.queue = queue;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    /** Those told that the new date would follow hear it, once per registration and date. */
    @EventListener
    void on(EventDateDecided decided) {
        EventSummary summary = events.summary(decided.eventId()).orElseThrow();
        registrations.findByEventIdOrderByRegisteredAtAscIdAsc(decided.eventId()).stream()
                .filter(Registration::active)
                .forEach(registration -> mails.dateDecided(registration, summary));
    }

    @EventListener
    void on(EventCalledOff calledOff) {
        Event event = events.find(calledOff.eventId()).orElseThrow();
        EventSummary summary = events.summary(calledOff.eventId()).orElseThrow();
        // frames in id order, as everyone locks them: a registration deciding a seat now is seen or waits
        events.frames(event.id()).stream().mapToLong(frame -> frame.id()).sorted().forEach(queue::lock);
        List<Registration> registered = registrations.findByEventIdOrderByRegisteredAtAscIdAsc(event.id()).stream()
                .filter(Registration::active)
                .toList();
        Instant now = clock.instant();
        for (Registration registration : registered) {
            if (calledOff.cancelled()) {
                registration.cancel(now, CancelReason.EVENT_CANCELLED);
                registrations.save(registration);
            }
            mails.calledOff(registration, summary, calledOff.cancelled(), event.dateUndecided());
        }
    }
}
