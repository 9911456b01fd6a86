package io.firstpin.platform.limits;

import java.time.Duration;

/**
 * The answer of a limit: allowed, or refused until {@code retryAfter} has passed.
 *
 * @param remaining what is left in the bucket after an allowed take; zero means this take was the last one, so the
 *        next is refused (sign-in tells the account's owner exactly then, once per lock)
 */
public record Allowance(boolean allowed, Duration retryAfter, long remaining) {

    static final Allowance ALLOWED = new Allowance(true, Duration.ZERO, 1);

    static Allowance allowedWith(long remaining) {
        return new Allowance(true, Duration.ZERO, remaining);
    }

    static Allowance refusedFor(long nanos) {
        return new Allowance(false, Duration.ofNanos(nanos), 0);
    }

    /** Whole seconds to wait, at least 1, for a {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
