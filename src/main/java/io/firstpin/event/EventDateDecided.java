package io.firstpin.event;

/**
 * A postponed event whose new date was undecided got its new start: everyone registered, who was told the date would
 * follow, hears it. Registered by the {@link Event} aggregate, published when it is saved.
 */
public record EventDateDecided(long eventId) {
}
