package io.firstpin.event.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.event.Event;
import io.firstpin.event.EventKind;
import io.firstpin.event.EventListings;
import io.firstpin.event.EventSearchPage;
import io.firstpin.event.EventSeats;
import io.firstpin.event.EventSeries;
import io.firstpin.event.Events;
import io.firstpin.event.FrameMode;
import io.firstpin.event.SessionKind;
import io.firstpin.event.SubEvents;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.geo.Prefecture;
import io.firstpin.platform.web.FormErrors;
import jakarta.validation.Valid;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Staff pages to list, search, plan and revise events. */
@Controller
@RequestMapping("/manage/{org}")
class EventPagesController {

    private static final int PAGE_SIZE = 25;

    private final Organizations organizations;
    private final Communities communities;
    private final Events events;
    private final EventListings listings;
    private final MessageSource messages;
    private final AccessGuard access;
    private final EventSeries series;
    private final EventSeats seats;
    private final SubEvents subEvents;

    EventPagesController(Organizations organizations, Communities communities, Events events, EventListings listings,
            MessageSource messages, AccessGuard access, EventSeries series, SubEvents subEvents, EventSeats seats) {
        this.series = series;
        this.seats = seats;
        this.subEvents = subEvents;
        this.organizations = organizations;
        this.communities = communities;
        this.events = events;
        this.listings = listings;
        this.messages = messages;
        this.access = access;
    }

    @GetMapping("/events")
    String list(@PathVariable String org, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        return listPage(organization, null, q, page, htmx != null, model);
    }

    @GetMapping("/communities/{slug}/events")
    String listOfCommunity(@PathVariable String org, @PathVariable String slug,
            @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        Community community = communities.inOrganization(organization.id(), slug);
        access.require(organization.id(), community.id(), Role.VIEWER, "community " + slug);
        return listPage(organization, community, q, page, htmx != null, model);
    }

    @GetMapping("/communities/{slug}/events/new")
    String newEvent(@PathVariable String org, @PathVariable String slug, Model model) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        Community community = communities.inOrganization(organization.id(), slug);
        access.require(organization.id(), community.id(), Role.COMMUNITY_LEADER, "community " + slug);
        model.addAttribute("form", EventForm.blank(events.usualPrefecture(community.id())));
        return form(organization, community, null, model);
    }

    /** A new sub-event (e.g. the 懇親会) from its parent's page: the parent's community plans it. */
    @GetMapping("/events/{id}/sub-events/new")
    String newSubEvent(@PathVariable String org, @PathVariable long id, Model model) {
        Opened parent = open(org, id, Role.COMMUNITY_LEADER);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("form", EventForm.subEventOf(parent.event(),
                messages.getMessage("event.sub-event.default-title", null, locale),
                messages.getMessage("event.sub-event.default-frame", null, locale), parent.community().timeZone()));
        model.addAttribute("parent", parent.event());
        return form(parent.organization(), parent.community(), null, model);
    }

    @PostMapping("/communities/{slug}/events")
    String plan(@PathVariable String org, @PathVariable String slug, @Valid @ModelAttribute("form") EventForm form,
            BindingResult binding, @RequestParam(defaultValue = "false") boolean draft, Model model) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        Community community = communities.inOrganization(organization.id(), slug);
        access.require(organization.id(), community.id(), Role.COMMUNITY_LEADER, "community " + slug);
        if (!binding.hasErrors()) {
            try {
                String general = messages.getMessage("event.frame.general", null, LocaleContextHolder.getLocale());
                ZoneId zone = community.timeZone();
                Event event = draft
                        ? events.planDraft(community, form.details(zone), form.agenda(zone), form.framePlans(zone),
                                general, form.window(zone), form.parentEvent())
                        : events.plan(community, form.details(zone), form.agenda(zone), form.framePlans(zone),
                                general, form.window(zone), form.parentEvent());
                return "redirect:/manage/" + org + "/events/" + event.id();
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e, EventForm::formField);
            }
        }
        return form(organization, community, null, model);
    }

    @GetMapping("/events/{id}")
    String show(@PathVariable String org, @PathVariable long id, Model model) {
        Opened opened = open(org, id, Role.VIEWER);
        Organization organization = opened.organization();
        Event event = opened.event();
        Community community = opened.community();
        model.addAttribute("org", organization);
        model.addAttribute("page", EventPage.of(event, community, events));
        model.addAttribute("series", event.seriesId() == null ? null : series.find(event.seriesId()).orElse(null));
        model.addAttribute("seriesOptions", series.of(community.id()));
        model.addAttribute("parent", event.subEvent() ? events.inOrganization(organization.id(),
                event.parentEventId()) : null);
        model.addAttribute("subEvents", subEvents.of(id));
        model.addAttribute("canLead", access.roleIn(organization.id())
                .map(role -> role.includes(Role.COMMUNITY_LEADER)).orElse(false));
        return "event/staff-detail";
    }

    @GetMapping("/events/{id}/edit")
    String edit(@PathVariable String org, @PathVariable long id, Model model) {
        Opened opened = open(org, id, Role.COMMUNITY_LEADER);
        Organization organization = opened.organization();
        Event event = opened.event();
        Community community = opened.community();
        model.addAttribute("form", EventForm.of(event, events.frames(id), events.speakerNames(event), community.timeZone()));
        return form(organization, community, event, model);
    }

    @PostMapping("/events/{id}")
    String revise(@PathVariable String org, @PathVariable long id, @Valid @ModelAttribute("form") EventForm form,
            BindingResult binding, Model model) {
        Opened opened = open(org, id, Role.COMMUNITY_LEADER);
        Organization organization = opened.organization();
        Event event = opened.event();
        Community community = opened.community();
        if (!binding.hasErrors()) {
            try {
                events.revise(organization.id(), id, form.details(community.timeZone()), form.agenda(community.timeZone()),
                        form.framePlans(community.timeZone()), form.window(community.timeZone()));
                return "redirect:/manage/" + org + "/events/" + id;
            } catch (InvalidInputException e) {
                FormErrors.reject(binding, e, EventForm::formField);
            }
        }
        return form(organization, community, event, model);
    }

    /** An event of the organization where the signed-in staff hold {@code role}; anything else is not found. */
    private Opened open(String org, long id, Role role) {
        Organization organization = organizations.enter(org, role);
        Event event = events.inOrganization(organization.id(), id);
        access.require(organization.id(), event.communityId(), role, "event " + id);
        return new Opened(organization, event, communities.inOrganization(organization.id(), event.communityId()));
    }

    private record Opened(Organization organization, Event event, Community community) {
    }

    private String listPage(Organization organization, Community community, String q, int page, boolean fragment,
            Model model) {
        Set<Long> scope = access.reachIn(organization.id()).orElseThrow()
                .narrow(community == null ? Set.of() : communities.withBranches(community));
        EventSearchPage found = listings.search(organization.id(), q, scope, Math.max(0, page), PAGE_SIZE);
        Map<Long, Community> byId = communities.list(organization.id()).stream()
                .collect(Collectors.toMap(Community::id, Function.identity()));
        model.addAttribute("org", organization);
        model.addAttribute("community", community);
        model.addAttribute("communities", byId);
        model.addAttribute("found", found);
        model.addAttribute("seats", seats.of(found.events().stream().map(Event::id).toList()));
        model.addAttribute("q", q);
        model.addAttribute("listUrl", community == null ? "/manage/" + organization.slug() + "/events"
                : "/manage/" + organization.slug() + "/communities/" + community.slug() + "/events");
        return fragment ? "event/list :: results" : "event/list";
    }

    private String form(Organization organization, Community community, Event editing, Model model) {
        Object form = model.getAttribute("form");
        if (!model.containsAttribute("parent") && form instanceof EventForm posted && posted.parentEvent() != null) {
            events.find(posted.parentEvent()).filter(p -> p.organizationId() == organization.id())
                    .ifPresent(p -> model.addAttribute("parent", p));
        }
        model.addAttribute("org", organization);
        model.addAttribute("community", community);
        model.addAttribute("editing", editing);
        model.addAttribute("kinds", EventKind.values());
        model.addAttribute("sessionKinds", SessionKind.values());
        model.addAttribute("frameModes", FrameMode.values());
        model.addAttribute("prefectures", List.of(Prefecture.values()));
        return "event/form";
    }
}
