package io.firstpin.event;

/**
 * An event whose place was to be decided (会場未定) got a venue or went online: registered by the {@link Event}
 * aggregate, published when it is saved, so that confirmed registrants hear where to go.
 */
public record EventPlaceDecided(long eventId) {
}
