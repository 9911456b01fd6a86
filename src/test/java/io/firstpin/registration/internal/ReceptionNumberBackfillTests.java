package io.firstpin.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Registrations stored before 受付番号 existed are numbered by the migration, per event in the order they were stored. */
@DatabaseTest
class ReceptionNumberBackfillTests {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-04-01T10:00:00+09:00");

    @Test
    void theMigrationNumbersEachEventsRegistrationsByIdAndTheNextOneGoesOnFromThere() throws SQLException {
        Map<String, Object> database = TestDatabase.current().newDatabase();
        String url = (String) database.get("spring.datasource.url");
        String user = (String) database.get("spring.datasource.username");
        String password = (String) database.get("spring.datasource.password");
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("112").load()
                .migrate();
        long first;
        long second;
        List<Long> registrations = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            long organization = insert(db, "insert into organization (slug, name, created_at) values ('o', 'O', ?)", NOW);
            long community = insert(db, "insert into community (organization_id, slug, name, time_zone, created_at)"
                    + " values (?, 'c', 'C', 'Asia/Tokyo', ?)", organization, NOW);
            first = event(db, organization, community);
            second = event(db, organization, community);
            long firstFrame = frame(db, organization, first);
            long secondFrame = frame(db, organization, second);
            // interleaved between the events, as a real history is
            for (int i = 0; i < 5; i++) {
                long event = i % 2 == 0 ? first : second;
                long frame = i % 2 == 0 ? firstFrame : secondFrame;
                long member = insert(db, "insert into member (organization_id, display_name, staff, created_at)"
                        + " values (?, ?, false, ?)", organization, "M" + i, NOW);
                registrations.add(insert(db, "insert into registration (organization_id, event_id, frame_id, member_id,"
                        + " name, status, registered_at) values (?, ?, ?, ?, ?, 'CONFIRMED', ?)",
                        organization, event, frame, member, "M" + i, NOW));
            }
        }

        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();

        try (Connection db = DriverManager.getConnection(url, user, password)) {
            assertThat(numbers(db, registrations)).containsExactly(1, 1, 2, 2, 3);
            assertThat(lastNumber(db, first)).isEqualTo(3);
            assertThat(lastNumber(db, second)).isEqualTo(2);
        }
    }

    private static long event(Connection db, long organization, long community) throws SQLException {
        return insert(db, "insert into event (organization_id, community_id, title, kind, starts_at, ends_at, online,"
                + " created_at) values (?, ?, 'E', 'STUDY_SESSION', ?, ?, true, ?)", organization, community, NOW,
                NOW.plusHours(2), NOW);
    }

    private static long frame(Connection db, long organization, long event) throws SQLException {
        return insert(db, "insert into frame (organization_id, event_id, name, mode, display_order)"
                + " values (?, ?, '一般枠', 'FIFO', 0)", organization, event);
    }

    private static long insert(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql, new String[] {"id"})) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static List<Integer> numbers(Connection db, List<Long> registrations) throws SQLException {
        List<Integer> numbers = new ArrayList<>();
        for (long id : registrations) {
            try (PreparedStatement statement = db.prepareStatement(
                    "select reception_number from registration where id = ?")) {
                statement.setLong(1, id);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    numbers.add(row.getInt(1));
                }
            }
        }
        return numbers;
    }

    private static int lastNumber(Connection db, long event) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(
                "select last_number from event_reception where event_id = ?")) {
            statement.setLong(1, event);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
