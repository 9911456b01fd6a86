package io.firstpin.event.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.event.Event;
import io.firstpin.event.EventCopies;
import io.firstpin.event.EventListings;
import io.firstpin.event.Events;
import io.firstpin.event.Frame;
import io.firstpin.event.FrameOccupancy;
import io.firstpin.event.VisibleEvents;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.platform.DateTimes;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.PublicUrls;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Events")
class EventApiController {

    private static final String DEFAULT_FRAME = "一般枠";

    private final Communities communities;
    private final Events events;
    private final EventListings listings;
    private final AccessGuard access;
    private final PublicUrls urls;
    private final VisibleEvents visibleEvents;
    private final EventCopies copies;

    EventApiController(Communities communities, Events events, EventListings listings, AccessGuard access,
            PublicUrls urls, VisibleEvents visibleEvents, EventCopies copies) {
        this.copies = copies;
        this.communities = communities;
        this.events = events;
        this.listings = listings;
        this.access = access;
        this.urls = urls;
        this.visibleEvents = visibleEvents;
    }

    @PostMapping("/communities/{slug}/events")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an event; without frames it gets one unlimited general frame (一般枠); without venue "
            + "and online its place is to be decided (会場未定); with draft true it stays a draft, seen by staff only, "
            + "until it is published; with parentEvent (an event of the same community) it is a sub-event such as "
            + "the 懇親会, open only to people confirmed for the parent")
    EventResponse create(@PathVariable String slug, @Valid @RequestBody CreateEventRequest request) {
        Community community = communities.findBySlug(slug).orElseThrow(() -> NotFoundException.of("community", slug));
        access.requireLeader(community.organizationId(), community.id(), "community " + slug);
        CreateEventRequest.Plan plan = request.plan(community.timeZone());
        Event event = Boolean.TRUE.equals(request.draft())
                ? events.planDraft(community, plan.details(), plan.agenda(), plan.frames(), DEFAULT_FRAME,
                        plan.window(), plan.parentEvent())
                : events.plan(community, plan.details(), plan.agenda(), plan.frames(), DEFAULT_FRAME, plan.window(),
                        plan.parentEvent());
        return response(event, community);
    }

    @GetMapping("/communities/{slug}/events")
    @Operation(summary = "The community's events in start order, optionally with its branches' and within dates "
            + "(YYYY-MM-DD, inclusive, in the community's time zone); without from and to, every event")
    List<EventResponse> list(@PathVariable String slug, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "false") boolean includeBranches) {
        Community community = communities.findBySlug(slug).orElseThrow(() -> NotFoundException.of("community", slug));
        access.require(community.organizationId(), community.id(), Role.VIEWER, "community " + slug);
        DateRange range = DateRange.parse(from, to);
        Set<Long> scope = includeBranches
                ? access.reachIn(community.organizationId()).orElseThrow().narrow(communities.withBranches(community))
                : Set.of(community.id());
        Map<Long, Community> byId = communities.list(community.organizationId()).stream()
                .collect(Collectors.toMap(Community::id, Function.identity()));
        return listings.startingBetween(community.organizationId(), scope, range.start(community.timeZone()),
                        range.end(community.timeZone())).stream()
                .map(event -> response(event, byId.get(event.communityId())))
                .toList();
    }

    @GetMapping("/events/{id}")
    @Operation(summary = "An event with its frames and how full they are")
    EventResponse get(@PathVariable long id) {
        Event event = visibleEvents.open(id, Role.VIEWER);
        Community community = communities.inOrganization(event.organizationId(), event.communityId());
        return response(event, community);
    }

    @PatchMapping("/events/{id}")
    @Operation(summary = "Change what an event is: the fields given replace the event's, the others stay; giving a "
            + "place to an event whose place was to be decided tells its confirmed registrants once")
    EventResponse update(@PathVariable long id, @Valid @RequestBody UpdateEventRequest request) {
        Event event = visibleEvents.open(id, Role.COMMUNITY_LEADER);
        Community community = communities.inOrganization(event.organizationId(), event.communityId());
        Event updated = events.describe(event.organizationId(), id,
                request.applyTo(event.details(), community.timeZone()));
        return response(updated, community);
    }

    @PostMapping("/events/{id}/copy")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Copy an event to a new date in one step: description, place, hashtag, the agenda's shape, "
            + "frames (lottery times shifted alike), registration questions and survey settings; not the online URL "
            + "nor registrations. In a series the copy takes the next number (Vol.12 → Vol.13 in the title too)")
    EventResponse copy(@PathVariable long id, @Valid @RequestBody CopyEventRequest request) {
        Event event = visibleEvents.open(id, Role.COMMUNITY_LEADER);
        Community community = communities.inOrganization(event.organizationId(), event.communityId());
        Event copy = copies.copy(event.organizationId(), id, request.startsAt().toInstant(), request.title());
        return response(copy, community);
    }

    @PatchMapping("/frames/{id}")
    @Operation(summary = "Change a frame's capacity (null: unlimited); waiting registrants move up when it grows")
    FrameResponse resize(@PathVariable long id, @Valid @RequestBody ResizeFrameRequest request) {
        Frame frame = visibleEvents.frame(id, Role.COMMUNITY_LEADER);
        Frame resized = events.resize(frame.organizationId(), id, request.capacity());
        ZoneId zone = ZoneId.of(events.summary(frame.eventId()).orElseThrow().timeZone());
        return FrameResponse.of(resized, events.occupancy(frame.eventId()).getOrDefault(id, FrameOccupancy.Counts.NONE),
                zone);
    }

    /** Never the online URL: it is for confirmed registrants and staff pages only. */
    EventResponse response(Event event, Community community) {
        ZoneId zone = community.timeZone();
        Map<Long, FrameOccupancy.Counts> counts = events.occupancy(event.id());
        List<FrameResponse> frames = events.frames(event.id()).stream()
                .map(frame -> FrameResponse.of(frame, counts.getOrDefault(frame.id(), FrameOccupancy.Counts.NONE), zone))
                .toList();
        VenueResponse venue = event.venue()
                .map(v -> new VenueResponse(v.name(), v.prefecture().japaneseName(), v.prefecture().code(), v.city(),
                        v.address()))
                .orElse(null);
        return new EventResponse(event.id(), urls.event(event.id()), event.title(), event.kind().apiName(),
                DateTimes.at(event.startsAt(), zone), DateTimes.at(event.endsAt(), zone), community.slug(), event.parentEventId(),
                venue, event.online(), event.placeUndecided(),
                event.hashtagText().isEmpty() ? null : event.hashtagText(), event.connpassUrl(), frames,
                event.status().apiName(), event.dateUndecided());
    }

    record CopyEventRequest(@NotNull OffsetDateTime startsAt, @Size(max = 200) String title) {
    }

    record ResizeFrameRequest(@Min(1) @Max(1_000_000) Integer capacity) {
    }

    record VenueResponse(String name, String prefecture, String prefectureCode, String city, String address) {
    }

    record FrameResponse(long id, String name, Integer capacity, String mode, OffsetDateTime lotteryAt, int confirmed,
            int waitlisted, Integer seatsLeft) {

        static FrameResponse of(Frame frame, FrameOccupancy.Counts counts, ZoneId zone) {
            return new FrameResponse(frame.id(), frame.name(), frame.capacity(), frame.mode().apiName(),
                    DateTimes.at(frame.lotteryAt(), zone), counts.confirmed(), counts.waitlisted(),
                    frame.seatsLeft(counts.confirmed()).stream().boxed().findFirst().orElse(null));
        }
    }

    /**
     * @param parentEvent the event this one is a sub-event of (e.g. its 懇親会), or null
     * @param placeUndecided true while the event has neither a venue nor online (会場未定)
     * @param status {@code draft}, {@code published}, {@code hidden}, {@code cancelled} or {@code postponed}
     * @param dateUndecided true while a postponed event has no new date yet (延期・日程未定)
     */
    record EventResponse(long id, String url, String title, String kind, OffsetDateTime startsAt,
            OffsetDateTime endsAt, String community, Long parentEvent, VenueResponse venue, boolean online,
            boolean placeUndecided, String hashtag, String connpassUrl, List<FrameResponse> frames, String status,
            boolean dateUndecided) {
    }
}
