package io.firstpin.event;

import static io.firstpin.platform.db.Tables.EVENT;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.event.internal.ContentLines;
import io.firstpin.event.internal.EventRepository;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.PublicUrls;
import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Created;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Events as iCalendar (RFC 5545) for anyone to add or subscribe to: one event, or a community's feed with its branches.
 * Only what the public pages show goes in: never a member, never the online URL that registrants get.
 */
@Service
public class EventCalendars {

    /** How far back a community's feed reaches, so that a subscribed calendar keeps the recent past. */
    static final int FEED_MONTHS_BACK = 6;
    /** A bound on the feed's size; far beyond what a community holds in half a year. */
    static final int FEED_LIMIT = 1000;

    private static final String PRODUCT_ID = "-//Firstpin//Firstpin Events//EN";

    private final Events events;
    private final EventRepository repository;
    private final Communities communities;
    private final DSLContext db;
    private final PublicUrls urls;
    private final EventPlaces places;
    private final Clock clock;
    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    EventCalendars(Events events, EventRepository repository, Communities communities, DSLContext db, PublicUrls urls,
            EventPlaces places, Clock clock) {
        this.events = events;
        this.repository = repository;
        this.communities = communities;
        this.db = db;
        this.urls = urls;
        this.places = places;
        this.clock = clock;
    }

    /** One event as a public calendar; an unknown, draft or hidden event is not found. */
    public String ofEvent(long eventId, Locale locale) {
        return write(events.findPublic(eventId).orElseThrow(() -> NotFoundException.of("event", eventId)), locale, null);
    }

    /**
     * One event as a calendar for one of its registrants: with the online join URL when given, which the caller
     * gives to confirmed registrants only. A hidden event stays in its registrants' calendars.
     */
    public String ofEvent(long eventId, Locale locale, String joinUrl) {
        return write(events.find(eventId).orElseThrow(() -> NotFoundException.of("event", eventId)), locale, joinUrl);
    }

    private String write(Event event, Locale locale, String joinUrl) {
        Community community = communities.inOrganization(event.organizationId(), event.communityId());
        return write(null, community.timeZone(), List.of(event), Map.of(community.id(), community), locale, joinUrl);
    }

    /**
     * The events of a community and its branches that have not ended yet or ended in the last six months, in start
     * order; an unknown community is not found.
     */
    public String ofCommunity(String slug, Locale locale) {
        Community community = communities.findBySlug(slug).orElseThrow(() -> NotFoundException.of("community", slug));
        Set<Long> scope = communities.withBranches(community);
        Map<Long, Community> byId = communities.list(community.organizationId()).stream()
                .filter(c -> scope.contains(c.id()))
                .collect(Collectors.toMap(Community::id, Function.identity()));
        Instant since = clock.instant().atZone(community.timeZone()).minusMonths(FEED_MONTHS_BACK).toInstant();
        return write(community.name(), community.timeZone(), feedEvents(scope, since), byId, locale, null);
    }

    private List<Event> feedEvents(Set<Long> scope, Instant endedAfter) {
        List<Long> ids = db.select(EVENT.ID).from(EVENT)
                .where(EVENT.COMMUNITY_ID.in(scope).and(EVENT.ENDS_AT.ge(endedAfter.atOffset(ZoneOffset.UTC))))
                .and(Events.isPublic())
                .orderBy(EVENT.STARTS_AT.asc(), EVENT.ID.asc())
                .limit(FEED_LIMIT)
                .fetch(EVENT.ID);
        Map<Long, Event> byId = repository.findAllById(ids).stream()
                .collect(Collectors.toMap(Event::id, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private String write(String name, ZoneId calendarZone, List<Event> list, Map<Long, Community> communitiesById,
            Locale locale, String joinUrl) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        if (name != null) {
            // not in RFC 5545, but what Google, Apple and Outlook show as a subscribed calendar's name and zone
            calendar.add(new XProperty("X-WR-CALNAME", ContentLines.singleLine(name)));
            calendar.add(new XProperty("X-WR-TIMEZONE", calendarZone.getId()));
        }
        Map<String, VTimeZone> used = new LinkedHashMap<>();
        List<VEvent> entries = new ArrayList<>();
        Instant stamp = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        for (Event event : list) {
            Community community = communitiesById.get(event.communityId());
            TimeZone zone = zones.getTimeZone(community.timeZoneId());
            ZoneId written = zone == null ? null : javaZone(zone);
            if (written != null) {
                used.putIfAbsent(zone.getID(), zone.getVTimeZone().copy());
            }
            entries.add(entry(event, community, written, stamp, locale, joinUrl));
        }
        used.values().forEach(calendar::add);
        entries.forEach(calendar::add);
        return ContentLines.fold(calendar.toString());
    }

    private VEvent entry(Event event, Community community, ZoneId zone, Instant stamp, Locale locale,
            String joinUrl) {
        String url = urls.event(event.id());
        VEvent entry = new VEvent(false);
        entry.add(new Uid("event-" + event.id() + "@" + host()));
        entry.add(new DtStamp(stamp));
        entry.add(new DtStart<>(at(event.startsAt(), zone)));
        entry.add(new DtEnd<>(at(event.endsAt(), zone)));
        entry.add(new Summary(ContentLines.singleLine(event.title())));
        String about = (joinUrl == null ? "" : joinUrl + "\n\n")
                + (event.description() == null ? url : event.description() + "\n\n" + url);
        // a place to be decided has no LOCATION, which calendars would show as an address; the description says so
        entry.add(new Description(ContentLines.multiLine(
                event.placeUndecided() ? places.undecided(locale) + "\n\n" + about : about)));
        if (!event.placeUndecided()) {
            String where = places.describe(event, locale);
            entry.add(new Location(ContentLines.singleLine(joinUrl == null ? where : where + " " + joinUrl)));
        }
        entry.add(new Url(URI.create(url)));
        // RFC 5546 asks PUBLISH for an organizer; the community's page is its address, so no email is needed
        entry.add(new Organizer(new ParameterList(List.of(new Cn(ContentLines.singleLine(community.name())))),
                URI.create(urls.community(community.slug()))));
        entry.add(event.status() == EventStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED
                : event.dateUndecided() ? ImmutableStatus.VEVENT_TENTATIVE
                : ImmutableStatus.VEVENT_CONFIRMED);
        entry.add(new Created(event.createdAt().truncatedTo(ChronoUnit.SECONDS)));
        return entry;
    }

    /**
     * The zone named as the VTIMEZONE is: an alias such as "Japan" resolves to "Asia/Tokyo", and DTSTART's TZID must
     * name the VTIMEZONE the calendar holds. Null when Java does not know that name.
     */
    private static ZoneId javaZone(TimeZone zone) {
        try {
            return ZoneId.of(zone.getID());
        } catch (DateTimeException unknown) {
            return null;
        }
    }

    /** Local time with the zone's TZID; in UTC when there is no VTIMEZONE for the community's zone. */
    private static Temporal at(Instant instant, ZoneId zone) {
        Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
        return zone == null ? seconds : seconds.atZone(zone);
    }

    private String host() {
        String host = URI.create(urls.base()).getHost();
        return host == null ? "firstpin" : host;
    }
}
