package io.firstpin.event;

import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.platform.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Events and frames as the caller reaches them: found, then checked against the caller's role where the event's
 * community is (a role held in another community answers 404, too small a role 403). Every staff page and API call
 * about one event opens it through here.
 */
@Service
public class VisibleEvents {

    private final Events events;
    private final AccessGuard access;

    VisibleEvents(Events events, AccessGuard access) {
        this.events = events;
        this.access = access;
    }

    /** An event of the organization, if the caller holds at least {@code minimum} in its community. */
    public Event open(long organizationId, long eventId, Role minimum) {
        Event event = events.inOrganization(organizationId, eventId);
        access.require(organizationId, event.communityId(), minimum, "event " + eventId);
        return event;
    }

    /** Any event, for API calls that name no organization: one the caller does not reach is not found. */
    public Event open(long eventId, Role minimum) {
        Event event = events.find(eventId).orElseThrow(() -> NotFoundException.of("event", eventId));
        access.require(event.organizationId(), event.communityId(), minimum, "event " + eventId);
        return event;
    }

    /** Any frame, checked like its event. */
    public Frame frame(long frameId, Role minimum) {
        Frame frame = events.frame(frameId).orElseThrow(() -> NotFoundException.of("frame", frameId));
        Event event = events.inOrganization(frame.organizationId(), frame.eventId());
        access.require(frame.organizationId(), event.communityId(), minimum, "frame " + frameId);
        return frame;
    }
}
