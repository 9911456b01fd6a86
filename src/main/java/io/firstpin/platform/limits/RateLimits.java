package io.firstpin.platform.limits;

import io.firstpin.platform.Sha256;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/**
 * Rate limits shared by every instance: each subject's token bucket is a row of {@code rate_limit_bucket}, read and
 * written back by compare-and-swap ({@link BucketRows}). Subjects are stored as a hash, so the table holds no address or
 * email. A large limit's busy bucket is written every few takes instead of on each ({@link Limit#unsyncedTakes}).
 */
@Service
public class RateLimits {

    /** Bounds the memory of large limits' proxies; past it the memory starts again. */
    private static final int KNOWN_PROXIES = 10_000;
    /** Well inside the minute a refilled bucket's row is kept before the cleanup may remove it. */
    private static final Duration IDLE_PROXY = Duration.ofSeconds(20);

    private final ProxyManager<String> buckets;
    /** Buckets of large limits, each counting a few takes locally between writes; see {@link Limit#unsyncedTakes}. */
    private final Map<String, Delayed> delayed = new ConcurrentHashMap<>();
    private final Clock clock;

    RateLimits(RateLimitConnections connections, DSLContext db, Clock clock) {
        // its own connections, outside the caller's transaction: a limit is never rolled back
        this.clock = clock;
        this.buckets = new BucketRows(DSL.using(connections.dataSource(), db.dialect()),
                // the application's clock, so that refills follow it like every other time in the application
                ClientSideConfig.getDefault().withClientClock(new ClockTime(clock)),
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)));
    }

    /** Takes one from the subject's bucket of this limit, if there is one left. */
    public Allowance take(Limit limit, String subject) {
        Bucket bucket = limit.unsyncedTakes() > 1 ? delayedBucket(limit, subject) : bucket(limit, subject);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Allowance.allowedWith(probe.getRemainingTokens())
                : Allowance.refusedFor(probe.getNanosToWaitForRefill());
    }

    /** Whether one could be taken now, taking nothing: for a check before work whose failure alone should count. */
    public Allowance check(Limit limit, String subject) {
        var estimate = bucket(limit, subject).estimateAbilityToConsume(1);
        return estimate.canBeConsumed() ? Allowance.ALLOWED : Allowance.refusedFor(estimate.getNanosToWaitForRefill());
    }

    /** Fills the subject's bucket again, e.g. after a successful sign-in. */
    public void reset(Limit limit, String subject) {
        String key = key(limit, subject);
        buckets.removeProxy(key);
        delayed.remove(key);
    }

    /**
     * The instance's proxy of a large limit's bucket, which counts takes on its own up to the limit's unsynced takes or
     * for {@link Limit#SYNC_AT_LEAST_EVERY}. A proxy idle for a while is built again, starting from the shared row:
     * the cleanup may have removed a row that refilled meanwhile.
     */
    private Bucket delayedBucket(Limit limit, String subject) {
        long now = clock.millis();
        if (delayed.size() >= KNOWN_PROXIES) {
            delayed.clear();
        }
        // one proxy per bucket and instance, or the takes counted locally would not add up
        return delayed.compute(key(limit, subject), (key, current) -> {
            if (current != null && now - current.lastUsed() <= IDLE_PROXY.toMillis()) {
                return new Delayed(current.bucket(), now);
            }
            // the bucket's state is written first: the delaying proxy cannot create a missing one under concurrency
            bucket(limit, subject).getAvailableTokens();
            DelayParameters sync = new DelayParameters(limit.unsyncedTakes(), Limit.SYNC_AT_LEAST_EVERY);
            return new Delayed(buckets.builder()
                    .withImplicitConfigurationReplacement(limit.version(), TokensInheritanceStrategy.RESET)
                    .withOptimization(Optimizations.delaying(sync))
                    .build(key, limit::configuration), now);
        }).bucket();
    }

    /** A delayed proxy and when this instance last took from it. */
    private record Delayed(Bucket bucket, long lastUsed) {
    }

    private Bucket bucket(Limit limit, String subject) {
        String key = key(limit, subject);
        // a limit whose numbers changed starts its existing buckets full under the new numbers
        return buckets.builder()
                .withImplicitConfigurationReplacement(limit.version(), TokensInheritanceStrategy.RESET)
                .build(key, limit::configuration);
    }

    /** Bucket4j's time source read from a {@link Clock}. */
    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }

    static String key(Limit limit, String subject) {
        return limit.name() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.of(subject));
    }
}
