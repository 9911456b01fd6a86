package io.firstpin.registration;

import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Hands an event's registrants out for download, and has the audit log note it. */
@Service
public class RegistrationExports {

    private final Registrations registrations;
    private final ApplicationEventPublisher events;

    RegistrationExports(Registrations registrations, ApplicationEventPublisher events) {
        this.registrations = registrations;
        this.events = events;
    }

    /** As {@link Registrations#ofEvent}; the caller has checked that it may see the event's registrants. */
    public List<Registrations.Entry> ofEvent(long organizationId, long eventId) {
        List<Registrations.Entry> entries = registrations.ofEvent(organizationId, eventId);
        events.publishEvent(new RegistrationsExported(organizationId, eventId, entries.size()));
        return entries;
    }
}
