package io.firstpin.platform.replica;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The data source read-only transactions get their connection from: the replica while it is usable, and, for a reader
 * that just brought rows up to date on the primary ({@link ReplicaReads#afterPrimaryWrites()}), only once the replica
 * has replayed that far; otherwise the primary, with the connection set read-only as the transaction asked.
 */
final class ReplicaRouting extends AbstractDataSource {

    private static final Duration POLL = Duration.ofMillis(10);

    private final DataSource primary;
    private final DataSource replica;
    private final ReplicaState state;
    private final Duration catchUpWait;

    ReplicaRouting(DataSource primary, DataSource replica, ReplicaState state, Duration catchUpWait) {
        this.primary = primary;
        this.replica = replica;
        this.state = state;
        this.catchUpWait = catchUpWait;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (state.usable()) {
            Optional<Connection> fromReplica = fromReplica();
            if (fromReplica.isPresent()) {
                return fromReplica.get();
            }
        }
        Connection connection = primary.getConnection();
        connection.setReadOnly(true);
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    private Optional<Connection> fromReplica() {
        Connection connection;
        try {
            connection = replica.getConnection();
        } catch (SQLException e) {
            state.markUnreachable(e);
            return Optional.empty();
        }
        try {
            Optional<WalPosition> needed = ReplicaReads.neededPosition();
            if (needed.isEmpty() || replayed(connection, needed.get())) {
                return Optional.of(connection);
            }
        } catch (SQLException e) {
            state.markUnreachable(e);
        }
        close(connection);
        return Optional.empty();
    }

    /** Waits a moment for the replica to replay as far as the primary was when the reader wrote there. */
    private boolean replayed(Connection connection, WalPosition needed) throws SQLException {
        long deadline = System.nanoTime() + catchUpWait.toNanos();
        while (true) {
            Optional<WalPosition> replayed = ReplicaState.replayedPosition(connection);
            if (replayed.isEmpty() || replayed.get().reached(needed)) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // back to the pool or gone; the primary serves this read either way
        }
    }
}
