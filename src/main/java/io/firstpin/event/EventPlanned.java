package io.firstpin.event;

/**
 * A new event was planned: registered by {@link Event#plan}, published once it is saved, so it carries the saved
 * aggregate, whose id exists only then.
 */
public record EventPlanned(Event event) {

    public long eventId() {
        return event.id();
    }

    public long communityId() {
        return event.communityId();
    }
}
