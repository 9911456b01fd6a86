package io.firstpin.platform.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A rate limit: up to {@code burst} takes at once, refilled steadily at {@code refill} per {@code period}. One limit
 * applies to many subjects (addresses, emails, accounts), each with a bucket of its own.
 *
 * @param name what the limit is for, part of each bucket's key: lower-case letters, digits and dashes
 */
public record Limit(String name, long burst, long refill, Duration period) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}");

    /** The longest an instance counts takes of a large limit on its own, and trusts its last view of the bucket. */
    static final Duration SYNC_AT_LEAST_EVERY = Duration.ofMillis(500);

    public Limit {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a limit's name is 1-40 lower-case letters, digits or dashes: " + name);
        }
        if (burst < 1 || refill < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("limit " + name + " needs a burst and refill of at least 1 per period");
        }
    }

    /** {@code perPeriod} takes per period, all of which may come at once. */
    public static Limit of(String name, long perPeriod, Duration period) {
        return new Limit(name, perPeriod, perPeriod, period);
    }

    /**
     * How many takes an instance may count on its own before it writes them to the shared bucket: a fiftieth of the
     * burst, up to 20, for limits of 100 and more (a venue's address at a rush), so that their one hot bucket is not a
     * round trip on every request; none for smaller limits (sign-in, emails), which stay exact. With n instances a
     * limit may so let through up to n times this many more than its numbers, for at most {@link #SYNC_AT_LEAST_EVERY}.
     */
    long unsyncedTakes() {
        return burst >= 100 ? Math.min(20, burst / 50) : 0;
    }

    /** Changes whenever the numbers do, so that buckets kept under older numbers take the new ones. */
    long version() {
        return Math.abs((long) Objects.hash(burst, refill, period.toNanos()));
    }

    BucketConfiguration configuration() {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(refill, period).build())
                .build();
    }
}
