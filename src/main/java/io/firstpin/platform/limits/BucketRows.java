package io.firstpin.platform.limits;

import static io.firstpin.platform.db.Tables.RATE_LIMIT_BUCKET;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Bucket4j's buckets as rows of {@code rate_limit_bucket}, written by compare-and-swap: a take reads the row and writes
 * it back only if nobody wrote it meanwhile (else Bucket4j reads again), each statement on its own, with no transaction
 * or row lock spanning round trips. A subject not seen before costs a read and an insert, one seen before a read and an
 * update: the two round trips of the cheapest exact shared count, against four for a locked read and a separate insert
 * of the missing row. The same jOOQ statements run on H2 and PostgreSQL.
 */
final class BucketRows extends AbstractCompareAndSwapBasedProxyManager<String> {

    private final DSLContext db;
    private final ExpirationAfterWriteStrategy expiration;
    // rendered once: every take runs these, and jOOQ rendering them each time cost as much as the round trips
    private final String read;
    private final String write;
    private final String insert;
    private final String fill;

    BucketRows(DSLContext db, ClientSideConfig config, ExpirationAfterWriteStrategy expiration) {
        super(config.withExpirationAfterWriteStrategy(expiration));
        this.db = db;
        this.expiration = expiration;
        Param<String> key = DSL.param("key", String.class);
        // as varbinary: jOOQ would cast the bind to BLOB, which H2 in PostgreSQL mode lacks
        Param<byte[]> state = DSL.param("state", SQLDataType.VARBINARY);
        Param<Long> expiresAt = DSL.param("expiresAt", Long.class);
        this.read = db.render(db.select(RATE_LIMIT_BUCKET.STATE).from(RATE_LIMIT_BUCKET)
                .where(RATE_LIMIT_BUCKET.ID.eq(key)));
        this.write = db.render(db.update(RATE_LIMIT_BUCKET)
                .set(RATE_LIMIT_BUCKET.STATE, state).set(RATE_LIMIT_BUCKET.EXPIRES_AT, expiresAt)
                .where(RATE_LIMIT_BUCKET.ID.eq(key)).and(RATE_LIMIT_BUCKET.STATE.eq(state)));
        // a plain insert: jOOQ's emulation of ON CONFLICT on H2 casts the state to a type H2 lacks
        this.insert = db.render(db.insertInto(RATE_LIMIT_BUCKET, RATE_LIMIT_BUCKET.ID, RATE_LIMIT_BUCKET.STATE,
                RATE_LIMIT_BUCKET.EXPIRES_AT).values(key, state, expiresAt));
        this.fill = db.render(db.update(RATE_LIMIT_BUCKET)
                .set(RATE_LIMIT_BUCKET.STATE, state).set(RATE_LIMIT_BUCKET.EXPIRES_AT, expiresAt)
                .where(RATE_LIMIT_BUCKET.ID.eq(key)).and(RATE_LIMIT_BUCKET.STATE.isNull()));
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return db.resultQuery(read, key).fetchOptional(0, byte[].class);
            }

            @Override
            public boolean compareAndSwap(byte[] original, byte[] updated, RemoteBucketState state,
                    Optional<Long> timeoutNanos) {
                long now = currentTimeNanos();
                long expiresAt = now / 1_000_000 + expiration.calculateTimeToLiveMillis(state, now);
                return original == null ? created(key, updated, expiresAt)
                        : db.execute(write, updated, expiresAt, key, original) == 1;
            }
        };
    }

    /** The first state of a bucket nobody wrote yet; false when another take wrote it first. */
    private boolean created(String key, byte[] state, long expiresAt) {
        try {
            db.execute(insert, key, state, expiresAt);
            return true;
        } catch (IntegrityConstraintViolationException createdMeanwhile) {
            // another take wrote it first, or an earlier version left the row without state
        }
        return db.execute(fill, state, expiresAt, key) == 1;
    }

    @Override
    public void removeProxy(String key) {
        db.deleteFrom(RATE_LIMIT_BUCKET).where(RATE_LIMIT_BUCKET.ID.eq(key)).execute();
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("the rate limits take synchronously");
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        throw new UnsupportedOperationException("the rate limits take synchronously");
    }
}
