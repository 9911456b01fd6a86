package io.firstpin.event.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.event.Event;
import io.firstpin.event.EventListings;
import io.firstpin.event.EventSeries;
import io.firstpin.event.Events;
import io.firstpin.event.Series;
import io.firstpin.event.SubEvents;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.PublicUrls;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The pages anyone can see: home, a community, an event. They never show a member's email. */
@Controller
class PublicPagesController {

    private static final int LIST_LIMIT = 50;

    private final Communities communities;
    private final Events events;
    private final EventListings listings;
    private final PublicUrls urls;
    private final Clock clock;
    private final Organizations organizations;

    private final EventDescriptions descriptions;
    private final EventSeries series;
    private final SubEvents subEvents;

    PublicPagesController(Communities communities, Events events, EventListings listings, PublicUrls urls, Clock clock,
            Organizations organizations, EventDescriptions descriptions, EventSeries series, SubEvents subEvents) {
        this.series = series;
        this.subEvents = subEvents;
        this.descriptions = descriptions;
        this.organizations = organizations;
        this.communities = communities;
        this.events = events;
        this.listings = listings;
        this.urls = urls;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        List<Community> topLevel = communities.allTopLevel();
        model.addAttribute("communities", topLevel);
        return "event/home";
    }

    @GetMapping("/c/{slug}")
    String community(@PathVariable String slug, Model model) {
        Community community = communities.findBySlug(slug).orElseThrow(() -> NotFoundException.of("community", slug));
        Set<Long> scope = communities.withBranches(community);
        List<Community> all = communities.list(community.organizationId());
        model.addAttribute("community", community);
        model.addAttribute("parent", community.parentId() == null ? null
                : all.stream().filter(c -> c.id().equals(community.parentId())).findFirst().orElse(null));
        model.addAttribute("branches", all.stream().filter(c -> community.id().equals(c.parentId()))
                .sorted(Comparator.comparing(Community::name)).toList());
        model.addAttribute("names", all.stream().collect(java.util.stream.Collectors.toMap(Community::id, Community::name)));
        model.addAttribute("upcoming", listings.upcoming(scope, LIST_LIMIT));
        model.addAttribute("past", listings.past(scope, LIST_LIMIT));
        model.addAttribute("publicUrl", urls.community(slug));
        model.addAttribute("organizationSlug", organizations.findById(community.organizationId())
                .map(Organization::slug).orElse(null));
        return "event/community";
    }

    @GetMapping("/e/{id}")
    String event(@PathVariable long id, Model model) {
        Event event = events.findPublic(id).orElseThrow(() -> NotFoundException.of("event", id));
        Community community = communities.inOrganization(event.organizationId(), event.communityId());
        model.addAttribute("page", EventPage.of(event, community, events));
        model.addAttribute("registrationOpen", event.registrationOpen(clock.instant()));
        model.addAttribute("registrationNotYetOpen", event.registrationNotYetOpen(clock.instant()));
        model.addAttribute("descriptionHtml", descriptions.html(event.description()));
        model.addAttribute("publicUrl", urls.event(id));
        model.addAttribute("share", ShareLinks.of(urls.event(id), event.title()));
        model.addAttribute("mapUrl", ShareLinks.mapOf(event.venue().orElse(null), LocaleContextHolder.getLocale()));
        model.addAttribute("organizer", organizations.findById(event.organizationId()).map(Organization::name)
                .orElse(null));
        model.addAttribute("series", event.seriesId() == null ? null : series.find(event.seriesId()).orElse(null));
        model.addAttribute("nextOne", series.next(event).orElse(null));
        // a draft or hidden parent or sub-event is not named on a public page
        model.addAttribute("parentEvent",
                event.subEvent() ? events.findPublic(event.parentEventId()).orElse(null) : null);
        model.addAttribute("subEvents", subEvents.of(id).stream().filter(Event::isPublic).toList());
        return "event/public";
    }

    /** A series with its events by number, the upcoming ones marked. */
    @GetMapping("/c/{slug}/series/{id}")
    String series(@PathVariable String slug, @PathVariable long id, Model model) {
        Community community = communities.findBySlug(slug).orElseThrow(() -> NotFoundException.of("community", slug));
        Series found = series.find(id).filter(s -> s.communityId() == community.id())
                .orElseThrow(() -> NotFoundException.of("series", id));
        model.addAttribute("community", community);
        model.addAttribute("series", found);
        model.addAttribute("events", series.events(id));
        model.addAttribute("now", clock.instant());
        return "event/series";
    }
}
