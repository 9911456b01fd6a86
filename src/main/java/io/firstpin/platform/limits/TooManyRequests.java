package io.firstpin.platform.limits;

import java.time.Duration;

/** A limit said no: the caller may try again after {@code retryAfter}. Answered 429 with {@code Retry-After}. */
public class TooManyRequests extends RuntimeException {

    private final Allowance allowance;

    public TooManyRequests(Allowance allowance) {
        super("too many requests; retry after " + allowance.retryAfterSeconds() + " s");
        this.allowance = allowance;
    }

    /** Throws unless the allowance allows. */
    public static void unlessAllowed(Allowance allowance) {
        if (!allowance.allowed()) {
            throw new TooManyRequests(allowance);
        }
    }

    public long retryAfterSeconds() {
        return allowance.retryAfterSeconds();
    }

    public Duration retryAfter() {
        return allowance.retryAfter();
    }
}
