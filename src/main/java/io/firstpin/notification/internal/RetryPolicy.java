package io.firstpin.notification.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed email is tried again: after {@code firstBackoff}, then twice as long after each further failure (30 s,
 * 1 min, 2 min, …) up to {@code maxBackoff}, and not at all once {@code maxAttempts} attempts failed.
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt is needed: " + maxAttempts);
        }
        if (firstBackoff.isNegative() || firstBackoff.isZero() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must be positive, the first no longer than the longest: "
                    + firstBackoff + ", " + maxBackoff);
        }
    }

    /** The wait after this many failed attempts (1 for the first failure). */
    public Duration backoffAfter(int failedAttempts) {
        Duration backoff = firstBackoff;
        for (int i = 1; i < failedAttempts && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }

    /** When to try again after this many failed attempts; empty when it is time to give up. */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant failedAt) {
        return failedAttempts >= maxAttempts ? Optional.empty() : Optional.of(failedAt.plus(backoffAfter(failedAttempts)));
    }
}
