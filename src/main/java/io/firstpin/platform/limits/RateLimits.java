package io.firstpin.platform.limits;

import static io.firstpin.platform.db.Tables.RATE_LIMIT_BUCKET;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/**
 * Rate limits shared by every instance: each subject's token bucket is a row of {@code rate_limit_bucket}, read and
 * written under a row lock in a short transaction of its own (Bucket4j's select-for-update proxy for PostgreSQL, whose
 * statements H2 runs in its PostgreSQL mode but one). Subjects are stored as a hash, so the table holds no address or
 * email. A large limit's busy bucket is written every few takes instead of on each ({@link Limit#unsyncedTakes}).
 */
@Service
public class RateLimits {

    /** Bounds the memory of bucket rows known to exist; past it the memory starts again. */
    private static final int KNOWN_ROWS = 10_000;
    /** Well inside the minute a refilled bucket's row is kept before the cleanup may remove it. */
    private static final Duration IDLE_PROXY = Duration.ofSeconds(20);

    private final ProxyManager<String> buckets;
    private final DSLContext db;
    /** Keys whose row this instance has seen: a busy bucket (a venue's address) is not created again on every take. */
    private final Set<String> knownRows = ConcurrentHashMap.newKeySet();
    private final boolean rowsCanBeRecreated;
    /** Buckets of large limits, each counting a few takes locally between writes; see {@link Limit#unsyncedTakes}. */
    private final Map<String, Delayed> delayed = new ConcurrentHashMap<>();
    private final Clock clock;

    RateLimits(RateLimitConnections connections, DSLContext db, Clock clock) {
        DataSource dataSource = connections.dataSource();
        // its own connections, outside the caller's transaction, as the proxy's: a limit is never rolled back
        this.db = DSL.using(dataSource, db.dialect());
        this.rowsCanBeRecreated = db.dialect().family() == SQLDialect.POSTGRES;
        this.clock = clock;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                // the application's clock, so that refills follow it like every other time in the application
                .clientClock(new ClockTime(clock))
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(1)))
                .build();
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
        knownRows.remove(key);
        delayed.remove(key);
    }

    /**
     * The instance's proxy of a large limit's bucket, which counts takes on its own up to the limit's unsynced takes or
     * for {@link Limit#SYNC_AT_LEAST_EVERY}. A proxy idle for a while is built again, its row created again if need be:
     * the cleanup may have removed a row that refilled meanwhile, and H2 cannot run the proxy's own way to create it.
     */
    private Bucket delayedBucket(Limit limit, String subject) {
        long now = clock.millis();
        if (delayed.size() >= KNOWN_ROWS) {
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
        String key = createdRow(key(limit, subject));
        // a limit whose numbers changed starts its existing buckets full under the new numbers
        return buckets.builder()
                .withImplicitConfigurationReplacement(limit.version(), TokensInheritanceStrategy.RESET)
                .build(key, limit::configuration);
    }

    /** Makes sure the bucket's row exists; answers its key. */
    private String createdRow(String key) {
        // the row is created here, in one statement: H2 has no INSERT ... ON CONFLICT, which the proxy would use (jOOQ
        // emulates it), and on PostgreSQL the proxy's own way takes three transactions for a subject it has not seen.
        // A row the cleanup removed since is created again by the proxy's own way, which H2 cannot run.
        if (!rowsCanBeRecreated || !knownRows.contains(key)) {
            try {
                db.insertInto(RATE_LIMIT_BUCKET, RATE_LIMIT_BUCKET.ID).values(key).onConflictDoNothing().execute();
            } catch (IntegrityConstraintViolationException createdMeanwhile) {
                // another request created the row first, which is all that was needed
            }
            if (rowsCanBeRecreated) {
                if (knownRows.size() >= KNOWN_ROWS) {
                    knownRows.clear();
                }
                knownRows.add(key);
            }
        }
        return key;
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
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return limit.name() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
