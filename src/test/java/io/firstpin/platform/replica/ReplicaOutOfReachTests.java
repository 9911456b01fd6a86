package io.firstpin.platform.replica;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A replica nobody answers at: the application starts, and the primary serves the reads meant for the replica. */
@DatabaseTest
@SpringBootTest(properties = {
        "firstpin.replica.url=jdbc:postgresql://127.0.0.1:9/firstpin?connectTimeout=1",
        "firstpin.replica.username=nobody", "firstpin.replica.password=none"})
class ReplicaOutOfReachTests {

    @Autowired
    Organizations organizations;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    HealthIndicator replicaHealthIndicator;

    @Test
    void readOnlyTransactionsAreServedByThePrimaryAndTheHealthSaysSo() {
        organizations.found(new Slug("served-by-primary"), "P");
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);

        Optional<Organization> found = readOnly.execute(status -> organizations.findBySlug("served-by-primary"));

        assertThat(found).isPresent();

        var health = replicaHealthIndicator.health();
        assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(health.getDetails()).containsEntry("reads", "primary").containsEntry("reachable", false);
    }
}
