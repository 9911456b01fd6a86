package io.firstpin.event;

/** An event moved to another start time: registered by the {@link Event} aggregate, published when it is saved. */
public record EventRescheduled(long eventId) {
}
