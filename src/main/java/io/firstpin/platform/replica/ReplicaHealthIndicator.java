package io.firstpin.platform.replica;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code replica} health component. A replica out of reach or behind never makes the application DOWN or unready:
 * the primary serves every read meanwhile, so the component says DEGRADED, which ranks below UP.
 */
class ReplicaHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "reads go to the primary");

    private final ReplicaState state;

    ReplicaHealthIndicator(ReplicaState state) {
        this.state = state;
    }

    @Override
    public Health health() {
        Health.Builder health = (state.usable() ? Health.up() : Health.status(DEGRADED))
                .withDetail("reads", state.usable() ? "replica" : "primary")
                .withDetail("reachable", state.reachable())
                .withDetail("caughtUp", state.caughtUp());
        state.problem().ifPresent(problem -> health.withDetail("problem", problem));
        state.checkedAt().ifPresent(at -> health.withDetail("checkedAt", at.toString()));
        return health.build();
    }
}
