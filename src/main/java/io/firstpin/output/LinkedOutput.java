package io.firstpin.output;

import java.time.Instant;

/**
 * One output as linked to one event now, for the KPIs.
 *
 * @param authorMemberId null when the author is not a known member
 * @param at when it was published, or when it was recorded where the date is unknown
 */
public record LinkedOutput(long eventId, long outputId, Long authorMemberId, OutputType type, Instant at) {
}
