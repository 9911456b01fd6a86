package io.firstpin.event.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.event.Event;
import io.firstpin.event.EventLifecycle;
import io.firstpin.event.VisibleEvents;
import io.firstpin.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.function.LongFunction;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An event's lifecycle by API: publish, hide, cancel (中止), postpone (延期), delete. A refused move answers 409. */
@RestController
@RequestMapping("/api/v1/events/{id}")
@Tag(name = "Events")
class EventLifecycleApiController {

    private final VisibleEvents visibleEvents;
    private final EventLifecycle lifecycle;
    private final Communities communities;
    private final EventApiController answers;

    EventLifecycleApiController(VisibleEvents visibleEvents, EventLifecycle lifecycle, Communities communities,
            EventApiController answers) {
        this.visibleEvents = visibleEvents;
        this.lifecycle = lifecycle;
        this.communities = communities;
        this.answers = answers;
    }

    @PostMapping("/publish")
    @Operation(summary = "Publish a draft (its community's followers hear of it) or show a hidden event again")
    EventApiController.EventResponse publish(@PathVariable long id) {
        return change(id, organizationId -> lifecycle.publish(organizationId, id));
    }

    @PostMapping("/hide")
    @Operation(summary = "Take a published event off every public page; its registrations stay")
    EventApiController.EventResponse hide(@PathVariable long id) {
        return change(id, organizationId -> lifecycle.hide(organizationId, id));
    }

    @PostMapping("/cancel")
    @Operation(summary = "Cancel the event (中止): its registrations end and everyone registered is emailed once; a "
            + "second call answers 409")
    EventApiController.EventResponse cancel(@PathVariable long id) {
        return change(id, organizationId -> lifecycle.cancel(organizationId, id));
    }

    @PostMapping("/postpone")
    @Operation(summary = "Postpone the event (延期) to startsAt (endsAt optional), or without startsAt to a date still "
            + "undecided; registrations stay and everyone registered is emailed once")
    EventApiController.EventResponse postpone(@PathVariable long id, @RequestBody(required = false) PostponeRequest request) {
        PostponeRequest wanted = request == null ? new PostponeRequest(null, null) : request;
        return change(id, organizationId -> lifecycle.postpone(organizationId, id,
                wanted.startsAt() == null ? null : wanted.startsAt().toInstant(),
                wanted.endsAt() == null ? null : wanted.endsAt().toInstant()));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a draft or an event nobody registered for; one with registrations answers 409")
    void delete(@PathVariable long id) {
        Event event = visibleEvents.open(id, Role.COMMUNITY_LEADER);
        lifecycle.delete(event.organizationId(), id);
    }

    private EventApiController.EventResponse change(long id, LongFunction<Event> transition) {
        Event event = visibleEvents.open(id, Role.COMMUNITY_LEADER);
        Event changed = transition.apply(event.organizationId());
        Community community = communities.inOrganization(changed.organizationId(), changed.communityId());
        return answers.response(changed, community);
    }

    record PostponeRequest(OffsetDateTime startsAt, OffsetDateTime endsAt) {
    }
}
