package io.firstpin.registration.internal;

import io.firstpin.event.EventPlaceDecided;
import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.event.OnlineUrlChanged;
import io.firstpin.registration.Registration;
import io.firstpin.registration.RegistrationStatus;
import java.util.function.BiConsumer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the confirmed registrants of an event when its place is decided or its online URL changes. Runs inside the
 * transaction that changed the event, so the emails are queued in the outbox exactly when the change commits.
 */
@Component
class PlaceNews {

    private final RegistrationRepository registrations;
    private final RegistrationMails mails;
    private final Events events;

    PlaceNews(RegistrationRepository registrations, RegistrationMails mails, Events events) {
        this.registrations = registrations;
        this.mails = mails;
        this.events = events;
    }

    @EventListener
    void on(EventPlaceDecided decided) {
        tellConfirmed(decided.eventId(), mails::placeDecided);
    }

    @EventListener
    void on(OnlineUrlChanged changed) {
        tellConfirmed(changed.eventId(), mails::onlineUrlChanged);
    }

    private void tellConfirmed(long eventId, BiConsumer<Registration, EventSummary> mail) {
        EventSummary event = events.summary(eventId).orElseThrow();
        registrations.findByEventIdOrderByRegisteredAtAscIdAsc(eventId).stream()
                .filter(r -> r.status() == RegistrationStatus.CONFIRMED)
                .forEach(r -> mail.accept(r, event));
    }
}
