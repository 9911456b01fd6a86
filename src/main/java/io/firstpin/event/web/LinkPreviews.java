package io.firstpin.event.web;

import io.firstpin.community.Community;
import io.firstpin.event.Event;
import io.firstpin.event.EventPlaces;
import io.firstpin.platform.PublicUrls;
import io.firstpin.platform.i18n.Formats;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the public pages tell link previews and search engines: Open Graph and X card tags, and schema.org {@code Event}
 * data. Available in templates as {@code @linkPreviews}; holds only what the page itself shows.
 */
@Component("linkPreviews")
public class LinkPreviews {

    static final int DESCRIPTION_LENGTH = 160;
    private static final DateTimeFormatter ISO_WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final String SCHEMA = "https://schema.org/";

    private final PublicUrls urls;
    private final EventPlaces places;
    private final Formats formats;
    private final MessageSource messages;
    private final JsonMapper json;

    LinkPreviews(PublicUrls urls, EventPlaces places, Formats formats, MessageSource messages, JsonMapper json) {
        this.urls = urls;
        this.places = places;
        this.formats = formats;
        this.messages = messages;
        this.json = json;
    }

    public Preview event(EventPage page, Locale locale) {
        Event event = page.event();
        String zone = page.zone();
        String when = formats.dateTime(event.startsAt(), zone) + " – " + formats.time(event.endsAt(), zone);
        String summary = when + " · " + places.describe(event, locale)
                + (event.description() == null ? "" : " · " + event.description());
        return new Preview(event.title(), abbreviate(summary), urls.event(event.id()), openGraphLocale(locale),
                jsonLd(page));
    }

    public Preview community(Community community, Locale locale) {
        String description = community.interestAxis() != null ? community.interestAxis()
                : messages.getMessage("event.share.community", new Object[] {community.name()}, locale);
        return new Preview(community.name(), abbreviate(description), urls.community(community.slug()),
                openGraphLocale(locale), null);
    }

    /**
     * Serialised by Jackson, then with {@code <}, {@code >} and {@code &} written as JSON escapes: the same data to a
     * JSON parser, but user text can no longer close the script element or open a comment in it.
     */
    private String jsonLd(EventPage page) {
        Event event = page.event();
        Community community = page.community();
        ZoneId zone = community.timeZone();
        String url = urls.event(event.id());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "Event");
        data.put("name", event.title());
        if (event.description() != null) {
            data.put("description", event.description());
        }
        data.put("startDate", iso(event.startsAt(), zone));
        data.put("endDate", iso(event.endsAt(), zone));
        // a place still to be decided (会場未定) claims neither a venue nor online attendance
        if (!event.placeUndecided()) {
            data.put("eventAttendanceMode", SCHEMA + attendanceMode(event));
        }
        data.put("eventStatus", SCHEMA + "EventScheduled");
        if (!event.placeUndecided()) {
            data.put("location", location(event, url));
        }
        data.put("organizer", ordered("@type", "Organization", "name", community.name(),
                "url", urls.community(community.slug())));
        data.put("url", url);
        String validFrom = event.registrationOpensAt() == null ? null : iso(event.registrationOpensAt(), zone);
        data.put("offers", page.frames().stream().map(line -> offer(line, url, validFrom)).toList());
        return json.writeValueAsString(data)
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026");
    }

    private static String attendanceMode(Event event) {
        if (event.venue().isPresent()) {
            return event.online() ? "MixedEventAttendanceMode" : "OfflineEventAttendanceMode";
        }
        return "OnlineEventAttendanceMode";
    }

    /** The venue as a Place; online, the event page itself, since the meeting link is for registrants only. */
    private static Object location(Event event, String url) {
        Map<String, Object> virtual = ordered("@type", "VirtualLocation", "url", url);
        return event.venue().<Object>map(venue -> {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("@type", "PostalAddress");
            if (venue.address() != null) {
                address.put("streetAddress", venue.address());
            }
            if (venue.city() != null) {
                address.put("addressLocality", venue.city());
            }
            address.put("addressRegion", venue.prefecture().japaneseName());
            address.put("addressCountry", "JP");
            Map<String, Object> place = new LinkedHashMap<>();
            place.put("@type", "Place");
            if (venue.name() != null) {
                place.put("name", venue.name());
            }
            place.put("address", address);
            return event.online() ? List.of(place, virtual) : place;
        }).orElse(virtual);
    }

    /** A frame as an offer: no price, since a frame has none (study sessions are mostly free, after-parties not). */
    private static Map<String, Object> offer(EventPage.FrameLine line, String url, String validFrom) {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("@type", "Offer");
        offer.put("name", line.frame().name());
        offer.put("url", url);
        offer.put("availability", SCHEMA + (line.full() ? "SoldOut" : "InStock"));
        if (validFrom != null) {
            offer.put("validFrom", validFrom);
        }
        return offer;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String iso(Instant instant, ZoneId zone) {
        return ISO_WITH_OFFSET.format(instant.atZone(zone));
    }

    private static String openGraphLocale(Locale locale) {
        return "ja".equals(locale.getLanguage()) ? "ja_JP" : "en_US";
    }

    /** One line of at most {@value #DESCRIPTION_LENGTH} characters, cut between code points. */
    static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        if (line.codePointCount(0, line.length()) <= DESCRIPTION_LENGTH) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, DESCRIPTION_LENGTH - 1)) + "…";
    }

    /** The tags of one page; {@code jsonLd} is null where the page describes no event. */
    public record Preview(String title, String description, String url, String locale, String jsonLd) {
    }
}
