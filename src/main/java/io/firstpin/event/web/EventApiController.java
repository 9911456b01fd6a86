package io.firstpin.event.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.event.Frame;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FrameOccupancy;
import io.firstpin.event.FramePlan;
import io.firstpin.event.Material;
import io.firstpin.event.RegistrationWindow;
import io.firstpin.event.SessionKind;
import io.firstpin.event.SessionPlan;
import io.firstpin.event.Venue;
import io.firstpin.event.VisibleEvents;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.platform.DateTimes;
import io.firstpin.platform.Hashtag;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.PublicUrls;
import io.firstpin.platform.geo.Prefecture;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Events")
class EventApiController {

    private static final String DEFAULT_FRAME = "一般枠";

    private final Communities communities;
    private final Events events;
    private final AccessGuard access;
    private final PublicUrls urls;
    private final VisibleEvents visibleEvents;

    EventApiController(Communities communities, Events events, AccessGuard access, PublicUrls urls,
            VisibleEvents visibleEvents) {
        this.communities = communities;
        this.events = events;
        this.access = access;
        this.urls = urls;
        this.visibleEvents = visibleEvents;
    }

    @PostMapping("/communities/{slug}/events")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an event; without frames it gets one unlimited general frame (一般枠)")
    EventResponse create(@PathVariable String slug, @Valid @RequestBody CreateEventRequest request) {
        Community community = communities.findBySlug(slug).orElseThrow(() -> NotFoundException.of("community", slug));
        access.requireLeader(community.organizationId(), community.id(), "community " + slug);
        ZoneId zone = community.timeZone();
        Event event = events.plan(community, request.details(zone), request.agenda(), request.framePlans(zone),
                DEFAULT_FRAME, request.window(zone));
        return response(event, community);
    }

    @GetMapping("/events/{id}")
    @Operation(summary = "An event with its frames and how full they are")
    EventResponse get(@PathVariable long id) {
        Event event = visibleEvents.open(id, Role.VIEWER);
        Community community = communities.inOrganization(event.organizationId(), event.communityId());
        return response(event, community);
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

    private EventResponse response(Event event, Community community) {
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
                DateTimes.at(event.startsAt(), zone), DateTimes.at(event.endsAt(), zone), community.slug(), venue,
                event.online(), event.hashtagText().isEmpty() ? null : event.hashtagText(), event.connpassUrl(),
                frames);
    }

    record CreateEventRequest(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 40) String startsAt,
            @Size(max = 40) String endsAt,
            @Size(max = 40) String kind,
            @Valid VenueRequest venue,
            Boolean online,
            @Size(max = 2000) String onlineUrl,
            @Size(max = 100) String hashtag,
            @Size(max = 2000) String connpassUrl,
            @Size(max = 20000) String description,
            @Size(max = 40) String registrationOpensAt,
            @Size(max = 40) String registrationClosesAt,
            @Valid @Size(max = 20) List<FrameRequest> frames,
            @Valid @Size(max = 100) List<SessionRequest> sessions) {

        EventDetails details(ZoneId zone) {
            EventKind eventKind = EventKind.parse("kind", kind);
            boolean isOnline = online != null ? online : eventKind == EventKind.ONLINE;
            return new EventDetails(title, description, eventKind, DateTimes.parse("startsAt", startsAt, zone),
                    DateTimes.parse("endsAt", endsAt, zone), venue == null ? null : venue.toVenue(), isOnline,
                    onlineUrl, Hashtag.parse("hashtag", hashtag), connpassUrl);
        }

        RegistrationWindow window(ZoneId zone) {
            return new RegistrationWindow(DateTimes.parse("registrationOpensAt", registrationOpensAt, zone),
                    DateTimes.parse("registrationClosesAt", registrationClosesAt, zone));
        }

        List<FramePlan> framePlans(ZoneId zone) {
            return frames == null ? List.of() : frames.stream().map(f -> f.toPlan(zone)).toList();
        }

        List<SessionPlan> agenda() {
            return sessions == null ? List.of() : sessions.stream().map(SessionRequest::toPlan).toList();
        }
    }

    record ResizeFrameRequest(@Min(1) @Max(1_000_000) Integer capacity) {
    }

    record VenueRequest(@Size(max = 200) String name, @Size(max = 20) String prefecture, @Size(max = 100) String city,
            @Size(max = 500) String address) {

        Venue toVenue() {
            Prefecture parsed = Prefecture.parse(prefecture)
                    .orElseThrow(() -> InvalidInputException.of("venue.prefecture", "validation.prefecture"));
            return new Venue(name, address, parsed, city);
        }
    }

    record FrameRequest(@NotBlank @Size(max = 100) String name, @Min(1) @Max(1_000_000) Integer capacity,
            @Size(max = 20) String mode, @Size(max = 40) String lotteryAt) {

        FramePlan toPlan(ZoneId zone) {
            return new FramePlan(null, name, capacity, FrameMode.parse("frames.mode", mode),
                    DateTimes.parse("frames.lotteryAt", lotteryAt, zone));
        }
    }

    record SessionRequest(@Size(max = 40) String kind, @NotBlank @Size(max = 200) String title,
            @Min(1) @Max(1440) Integer durationMinutes, @Size(max = 10) List<@Size(max = 200) String> speakers,
            @Valid @Size(max = 20) List<MaterialRequest> materials) {

        SessionPlan toPlan() {
            return new SessionPlan(SessionKind.parse("sessions.kind", kind), title, durationMinutes, speakers,
                    materials == null ? List.of() : materials.stream().map(m -> Material.link(m.url(), m.title())).toList());
        }
    }

    record MaterialRequest(@NotBlank @Size(max = 2000) String url, @Size(max = 200) String title) {
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

    record EventResponse(long id, String url, String title, String kind, OffsetDateTime startsAt,
            OffsetDateTime endsAt, String community, VenueResponse venue, boolean online, String hashtag,
            String connpassUrl, List<FrameResponse> frames) {
    }
}
