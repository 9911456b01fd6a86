package io.firstpin.platform.limits;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * Where the rate limits' buckets are read and written. On PostgreSQL a small pool of its own whose transactions
 * commit without waiting for the write-ahead log to reach the disk: a bucket shared by a crowd (a venue's one address)
 * is locked by every request in turn, so a flush inside that lock would make the whole crowd queue for the disk, and a
 * bucket lost in a database crash only lets a few more requests through. Elsewhere the application's own data source.
 */
final class RateLimitConnections implements AutoCloseable {

    private final DataSource dataSource;
    private final HikariDataSource ownPool;

    private RateLimitConnections(DataSource dataSource, HikariDataSource ownPool) {
        this.dataSource = dataSource;
        this.ownPool = ownPool;
    }

    static RateLimitConnections shared(DataSource application) {
        return new RateLimitConnections(application, null);
    }

    static RateLimitConnections ownPool(HikariDataSource pool) {
        return new RateLimitConnections(pool, pool);
    }

    DataSource dataSource() {
        return dataSource;
    }

    boolean hasOwnPool() {
        return ownPool != null;
    }

    @Override
    public void close() {
        if (ownPool != null) {
            ownPool.close();
        }
    }
}
