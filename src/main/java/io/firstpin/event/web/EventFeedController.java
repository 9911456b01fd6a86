package io.firstpin.event.web;

import io.firstpin.event.EventCalendars;
import io.firstpin.event.EventFeeds;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Calendars (iCalendar) and the Atom feed anyone may add or subscribe to. Spring 7 has no suffix pattern matching, so
 * {@code /e/{id}.ics} is mapped as such; being more specific than {@code /e/{id}}, it wins for {@code /e/12.ics}.
 */
@Controller
class EventFeedController {

    static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);
    static final MediaType ATOM = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);

    private final EventCalendars calendars;
    private final EventFeeds feeds;

    EventFeedController(EventCalendars calendars, EventFeeds feeds) {
        this.calendars = calendars;
        this.feeds = feeds;
    }

    /** One event, offered as a file: browsers hand it to the calendar application. */
    @GetMapping("/e/{id}.ics")
    ResponseEntity<String> eventCalendar(@PathVariable long id, Locale locale) {
        String calendar = calendars.ofEvent(id, locale);
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("event-" + id + ".ics").build().toString())
                .body(calendar);
    }

    /** A community's events, for subscribing: calendar applications fetch it again and again. */
    @GetMapping("/c/{slug}/events.ics")
    ResponseEntity<String> communityCalendar(@PathVariable String slug, Locale locale) {
        String calendar = calendars.ofCommunity(slug, locale);
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(slug + ".ics").build().toString())
                .body(calendar);
    }

    @GetMapping("/c/{slug}/events.atom")
    ResponseEntity<String> communityFeed(@PathVariable String slug, Locale locale) {
        return ResponseEntity.ok().contentType(ATOM).body(feeds.upcomingOf(slug, locale));
    }
}
