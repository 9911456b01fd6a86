package io.firstpin.event;

import java.time.Instant;

/**
 * An event was published for the first time: from now on it is public, and its community's followers hear of it.
 * Registered by the {@link Event} aggregate, published when it is saved; showing a hidden event again is no news.
 */
public record EventPublished(long eventId, long organizationId, long communityId, Instant startsAt) {
}
