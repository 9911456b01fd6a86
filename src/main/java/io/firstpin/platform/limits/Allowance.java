package io.firstpin.platform.limits;

import java.time.Duration;

/** The answer of a limit: allowed, or refused until {@code retryAfter} has passed. */
public record Allowance(boolean allowed, Duration retryAfter) {

    static final Allowance ALLOWED = new Allowance(true, Duration.ZERO);

    static Allowance refusedFor(long nanos) {
        return new Allowance(false, Duration.ofNanos(nanos));
    }

    /** Whole seconds to wait, at least 1, for a {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
