package io.firstpin.event.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.event.Event;
import io.firstpin.event.EventSeries;
import io.firstpin.event.Series;
import io.firstpin.event.VisibleEvents;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.PublicUrls;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A community's event series and the numbers of their events. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Events")
class EventSeriesApiController {

    private final Communities communities;
    private final EventSeries series;
    private final AccessGuard access;
    private final VisibleEvents visibleEvents;
    private final PublicUrls urls;

    EventSeriesApiController(Communities communities, EventSeries series, AccessGuard access,
            VisibleEvents visibleEvents, PublicUrls urls) {
        this.communities = communities;
        this.series = series;
        this.access = access;
        this.visibleEvents = visibleEvents;
        this.urls = urls;
    }

    @PostMapping("/communities/{slug}/series")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start an event series of the community, numbered as `numbering` says (\"Vol.{n}\", "
            + "\"#{n}\"; default \"#{n}\")")
    SeriesResponse start(@PathVariable String slug, @Valid @RequestBody StartSeriesRequest request) {
        Community community = communities.findBySlug(slug).orElseThrow(() -> NotFoundException.of("community", slug));
        access.requireLeader(community.organizationId(), community.id(), "community " + slug);
        return response(series.start(community, request.name(), request.numbering()), community);
    }

    @GetMapping("/communities/{slug}/series")
    @Operation(summary = "The community's event series")
    List<SeriesResponse> list(@PathVariable String slug) {
        Community community = communities.findBySlug(slug).orElseThrow(() -> NotFoundException.of("community", slug));
        access.require(community.organizationId(), community.id(), Role.VIEWER, "community " + slug);
        return series.of(community.id()).stream().map(s -> response(s, community)).toList();
    }

    @PutMapping("/events/{id}/series")
    @Operation(summary = "Number an event in a series of its community: the number given, or the next free one; a "
            + "number another event of the series holds → 409")
    NumberResponse number(@PathVariable long id, @Valid @RequestBody NumberEventRequest request) {
        Event event = visibleEvents.open(id, Role.COMMUNITY_LEADER);
        Series target = series.inOrganization(event.organizationId(), request.series());
        Event numbered = series.number(event.organizationId(), id, target.id(), request.number());
        return new NumberResponse(numbered.id(), target.id(), numbered.seriesNumber(),
                target.label(numbered.seriesNumber()));
    }

    private SeriesResponse response(Series s, Community community) {
        return new SeriesResponse(s.id(), s.name(), s.numbering(), urls.community(community.slug()) + "/series/" + s.id(),
                series.nextNumber(s.id()));
    }

    record StartSeriesRequest(String name,
            @Schema(description = "Where the number goes, {n} once: \"Vol.{n}\", \"#{n}\", \"第{n}回\"")
            String numbering) {
    }

    record NumberEventRequest(@NotNull Long series, @Min(1) Integer number) {
    }

    record SeriesResponse(long id, String name, String numbering, String url,
            @Schema(description = "The number the next copied or numbered event gets") int nextNumber) {
    }

    record NumberResponse(long eventId, long series, int number, @Schema(description = "\"Vol.12\"") String label) {
    }
}
