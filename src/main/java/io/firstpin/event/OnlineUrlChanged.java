package io.firstpin.event;

/**
 * An event's online join URL was set or changed: registered by the {@link Event} aggregate, published when it is
 * saved, so that confirmed registrants get the new one. It carries no URL: listeners read it where it is kept private.
 */
public record OnlineUrlChanged(long eventId) {
}
