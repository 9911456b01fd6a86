package io.firstpin.platform.replica;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application on a primary with a "replica" that is a second database holding one organization the primary does
 * not: where a read is served shows in what it finds.
 */
@DatabaseTest
@SpringBootTest
class ReplicaRoutingTests {

    @DynamicPropertySource
    static void replica(DynamicPropertyRegistry registry) {
        Map<String, Object> replica = TestDatabase.current().newDatabase();
        String url = (String) replica.get("spring.datasource.url");
        String user = (String) replica.get("spring.datasource.username");
        String password = (String) replica.get("spring.datasource.password");
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password);
                PreparedStatement insert = connection.prepareStatement(
                        "insert into organization (slug, name, created_at) values ('only-on-replica', 'R', ?)")) {
            insert.setObject(1, OffsetDateTime.now());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        registry.add("firstpin.replica.url", () -> url);
        registry.add("firstpin.replica.username", () -> user);
        registry.add("firstpin.replica.password", () -> password);
    }

    @Autowired
    Organizations organizations;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    HealthIndicator replicaHealthIndicator;

    private Optional<Organization> find(String slug, boolean readOnly) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setReadOnly(readOnly);
        return template.execute(status -> organizations.findBySlug(slug));
    }

    @Test
    void aReadOnlyTransactionReadsFromTheReplica() {
        assertThat(find("only-on-replica", true)).isPresent();
    }

    @Test
    void everyOtherTransactionAndEveryWriteUseThePrimary() {
        organizations.found(new Slug("written-on-primary"), "P");

        assertThat(find("only-on-replica", false)).isEmpty();
        assertThat(find("written-on-primary", false)).isPresent();
        assertThat(find("written-on-primary", true)).isEmpty();
    }

    @Test
    void theReplicasHealthIsADetailThatSaysReadsGoThere() {
        var health = replicaHealthIndicator.health();

        assertThat(health.getStatus().getCode()).isEqualTo("UP");
        assertThat(health.getDetails()).containsEntry("reads", "replica").containsEntry("reachable", true);
    }
}
