package io.firstpin.platform.replica;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An optional read-only data source (a PostgreSQL streaming replica) for read-only transactions.
 *
 * @param url JDBC address of the replica; none: every transaction uses the primary
 * @param probeInterval how often the replica is checked: reachable, and caught up with what the primary had written
 *        at the previous check
 * @param catchUpWait how long a reader that just brought the attendee rows up to date on the primary waits for the
 *        replica to replay that far before it reads from the primary instead
 */
@ConfigurationProperties("firstpin.replica")
public record ReplicaProperties(String url, String username, String password,
        @DefaultValue("1s") Duration probeInterval, @DefaultValue("250ms") Duration catchUpWait,
        @DefaultValue("10") int maximumPoolSize) {

    public ReplicaProperties {
        if (probeInterval.isNegative() || probeInterval.isZero() || catchUpWait.isNegative() || maximumPoolSize < 1) {
            throw new IllegalArgumentException("firstpin.replica: probe-interval must be positive, catch-up-wait not "
                    + "negative, maximum-pool-size at least 1");
        }
    }

    public boolean configured() {
        return url != null && !url.isBlank();
    }
}
