package io.firstpin.registration.web;

import io.firstpin.event.EventCalendars;
import io.firstpin.event.Events;
import io.firstpin.platform.NotFoundException;
import io.firstpin.registration.Registration;
import io.firstpin.registration.RegistrationStatus;
import io.firstpin.registration.Registrations;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The registrant's own calendar entry, behind their private link: a confirmed registrant's carries the online join
 * URL, which the public calendar never does.
 */
@Controller
class RegistrantCalendarController {

    private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final Registrations registrations;
    private final Events events;
    private final EventCalendars calendars;

    RegistrantCalendarController(Registrations registrations, Events events, EventCalendars calendars) {
        this.registrations = registrations;
        this.events = events;
        this.calendars = calendars;
    }

    @GetMapping("/r/{token}/event.ics")
    ResponseEntity<String> calendar(@PathVariable String token, Locale locale) {
        Registration registration = registrations.byToken(token)
                .orElseThrow(() -> NotFoundException.of("registration", "with this link"));
        String joinUrl = registration.status() == RegistrationStatus.CONFIRMED
                ? events.onlineUrl(registration.eventId()).orElse(null) : null;
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("event-" + registration.eventId() + ".ics").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(calendars.ofEvent(registration.eventId(), locale, joinUrl));
    }
}
