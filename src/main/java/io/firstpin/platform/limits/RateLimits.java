package io.firstpin.platform.limits;

import static io.firstpin.platform.db.Tables.RATE_LIMIT_BUCKET;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
 * written under a row lock in a short transaction of its own (Bucket4j's select-for-update proxy for PostgreSQL, whose statements
 * H2 runs in its PostgreSQL mode but one). Subjects are stored as a hash, so the table holds no address or email.
 */
@Service
public class RateLimits {

    /** Bounds the memory of bucket rows known to exist; past it the memory starts again. */
    private static final int KNOWN_ROWS = 10_000;

    private final ProxyManager<String> buckets;
    private final DSLContext db;
    /** Keys whose row this instance has seen: a busy bucket (a venue's address) is not created again on every take. */
    private final Set<String> knownRows = ConcurrentHashMap.newKeySet();
    private final boolean rowsCanBeRecreated;

    RateLimits(RateLimitConnections connections, DSLContext db, Clock clock) {
        DataSource dataSource = connections.dataSource();
        // its own connections, outside the caller's transaction, as the proxy's: a limit is never rolled back
        this.db = DSL.using(dataSource, db.dialect());
        this.rowsCanBeRecreated = db.dialect().family() == SQLDialect.POSTGRES;
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
        ConsumptionProbe probe = bucket(limit, subject).tryConsumeAndReturnRemaining(1);
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
    }

    private Bucket bucket(Limit limit, String subject) {
        String key = key(limit, subject);
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
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return limit.name() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
