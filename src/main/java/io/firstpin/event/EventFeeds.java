package io.firstpin.event;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.PublicUrls;
import io.firstpin.platform.i18n.Formats;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** An Atom feed of a community's upcoming events, its branches' included, soonest first. */
@Service
public class EventFeeds {

    static final int FEED_LIMIT = 50;

    /** What XML 1.0 cannot carry at all; a stray control character in a title must not break the feed. */
    private static final Pattern NOT_XML = Pattern.compile(
            "[^\\x09\\x0A\\x0D\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

    private final EventListings events;
    private final Communities communities;
    private final PublicUrls urls;
    private final EventPlaces places;
    private final Formats formats;
    private final MessageSource messages;

    EventFeeds(EventListings events, Communities communities, PublicUrls urls, EventPlaces places, Formats formats,
            MessageSource messages) {
        this.events = events;
        this.communities = communities;
        this.urls = urls;
        this.places = places;
        this.formats = formats;
        this.messages = messages;
    }

    /** The Atom document; an unknown community is not found. Dates in summaries follow the request's locale. */
    public String upcomingOf(String slug, Locale locale) {
        Community community = communities.findBySlug(slug).orElseThrow(() -> NotFoundException.of("community", slug));
        Set<Long> scope = communities.withBranches(community);
        Map<Long, Community> byId = communities.list(community.organizationId()).stream()
                .filter(c -> scope.contains(c.id()))
                .collect(Collectors.toMap(Community::id, Function.identity()));
        List<Entry> entries = events.upcoming(scope, FEED_LIMIT).stream()
                .map(event -> entry(event, byId.get(event.communityId()), locale))
                .toList();

        Feed feed = new Feed("atom_1.0");
        feed.setId(tag(community.createdAt(), "community-" + community.id() + "-events"));
        feed.setTitle(xml(messages.getMessage("event.feed.title", new Object[] {community.name()}, locale)));
        feed.setAlternateLinks(List.of(link("alternate", "text/html", urls.community(slug))));
        feed.setOtherLinks(List.of(link("self", "application/atom+xml", urls.community(slug) + "/events.atom")));
        feed.setAuthors(List.of(author(community)));
        // the newest change among the entries; an empty feed last changed when the community started
        feed.setUpdated(entries.stream().map(Entry::getUpdated).max(Comparator.naturalOrder())
                .orElse(Date.from(community.createdAt())));
        feed.setEntries(entries);
        try {
            return new WireFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Atom feed of community " + slug + " could not be written", e);
        }
    }

    private Entry entry(Event event, Community community, Locale locale) {
        Entry entry = new Entry();
        entry.setId(tag(event.createdAt(), "event-" + event.id()));
        entry.setTitle(xml(event.title()));
        // events keep no revision time, so the time they were planned stands for both
        entry.setPublished(Date.from(event.createdAt()));
        entry.setUpdated(Date.from(event.createdAt()));
        entry.setAlternateLinks(List.of(link("alternate", "text/html", urls.event(event.id()))));
        entry.setAuthors(List.of(author(community)));
        Content summary = new Content();
        summary.setType(Content.TEXT);
        summary.setValue(xml(formats.dateTime(event.startsAt(), community.timeZoneId()) + " – "
                + formats.time(event.endsAt(), community.timeZoneId()) + " · " + places.describe(event, locale)));
        entry.setSummary(summary);
        return entry;
    }

    private Person author(Community community) {
        Person person = new Person();
        person.setName(xml(community.name()));
        person.setUri(urls.community(community.slug()));
        return person;
    }

    private static Link link(String rel, String type, String href) {
        Link link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }

    /** A tag URI (RFC 4151): stays the entry's id whatever its title or page becomes. */
    private String tag(Instant minted, String specific) {
        String host = URI.create(urls.base()).getHost();
        return "tag:" + (host == null ? "firstpin" : host) + "," + minted.atOffset(ZoneOffset.UTC).toLocalDate() + ":"
                + specific;
    }

    private static String xml(String text) {
        return text == null ? null : NOT_XML.matcher(text).replaceAll("");
    }
}
