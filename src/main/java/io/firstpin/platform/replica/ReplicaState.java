package io.firstpin.platform.replica;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the last check saw of the replica: reachable or not, and whether it had replayed everything the primary had
 * written at the check before (so it is at most one probe interval behind). Positions are read only from PostgreSQL;
 * a replica that is not a standby (or not PostgreSQL) has none and counts as caught up once reachable.
 */
final class ReplicaState {

    private static final Logger log = LoggerFactory.getLogger(ReplicaState.class);

    private final DataSource primary;
    private final DataSource replica;
    private final Clock clock;

    private volatile boolean reachable;
    private volatile boolean caughtUp;
    private volatile String problem = "not checked yet";
    private volatile Instant checkedAt;
    private volatile WalPosition primaryAtLastCheck;

    ReplicaState(DataSource primary, DataSource replica, Clock clock) {
        this.primary = primary;
        this.replica = replica;
        this.clock = clock;
    }

    /** Whether read-only transactions may go to the replica now. */
    boolean usable() {
        return reachable && caughtUp;
    }

    boolean reachable() {
        return reachable;
    }

    boolean caughtUp() {
        return caughtUp;
    }

    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    Optional<Instant> checkedAt() {
        return Optional.ofNullable(checkedAt);
    }

    void markUnreachable(SQLException e) {
        if (reachable) {
            log.warn("Read replica out of reach, reading from the primary: {}", e.getMessage());
        }
        reachable = false;
        problem = "unreachable: " + e.getMessage();
    }

    void check() {
        Optional<WalPosition> primaryNow;
        try (Connection connection = primary.getConnection()) {
            primaryNow = currentPosition(connection);
        } catch (SQLException e) {
            primaryNow = Optional.empty();
        }
        try (Connection connection = replica.getConnection()) {
            Optional<WalPosition> replayed = replayedPosition(connection);
            WalPosition before = primaryAtLastCheck;
            boolean wasUsable = usable();
            caughtUp = replayed.isEmpty() || before == null || replayed.get().reached(before);
            reachable = true;
            problem = caughtUp ? null : "behind the primary by more than one check";
            if (wasUsable != usable()) {
                log.info("Read replica {}", usable() ? "in use" : "not in use: " + problem);
            }
        } catch (SQLException e) {
            markUnreachable(e);
        }
        primaryAtLastCheck = primaryNow.orElse(null);
        checkedAt = clock.instant();
    }

    /** The primary's write position now; empty when it is not PostgreSQL. */
    Optional<WalPosition> primaryPosition() {
        try (Connection connection = primary.getConnection()) {
            return currentPosition(connection);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    static Optional<WalPosition> currentPosition(Connection connection) throws SQLException {
        if (!postgres(connection)) {
            return Optional.empty();
        }
        return position(connection, "select case when pg_is_in_recovery() then pg_last_wal_replay_lsn() "
                + "else pg_current_wal_lsn() end::text");
    }

    /** How far a standby has replayed; empty when it is not a PostgreSQL standby. */
    static Optional<WalPosition> replayedPosition(Connection connection) throws SQLException {
        if (!postgres(connection)) {
            return Optional.empty();
        }
        return position(connection, "select case when pg_is_in_recovery() then pg_last_wal_replay_lsn()::text end");
    }

    private static Optional<WalPosition> position(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            String lsn = row.getString(1);
            return lsn == null ? Optional.empty() : Optional.of(WalPosition.parse(lsn));
        }
    }

    private static boolean postgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }
}
