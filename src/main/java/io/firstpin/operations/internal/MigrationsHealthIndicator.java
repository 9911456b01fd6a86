package io.firstpin.operations.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The {@code migrations} health component, part of readiness: an instance whose database lacks a migration of its own
 * version (migrations run by a separate job that has not finished, or failed) cannot serve and says OUT_OF_SERVICE.
 * Migrations newer than this instance (a newer version started next to it) are fine: each one only adds. Flyway reads
 * its history table and the migrations on the classpath; the answer is kept for a few seconds so frequent probes stay
 * cheap.
 */
@Component
class MigrationsHealthIndicator implements HealthIndicator {

    private static final Duration KEPT = Duration.ofSeconds(10);

    private final Flyway flyway;
    private final Clock clock;
    private volatile Answer answer;

    MigrationsHealthIndicator(DataSource dataSource, Environment environment, Clock clock) {
        this.flyway = Flyway.configure().dataSource(dataSource)
                .locations(environment.getProperty("spring.flyway.locations", String[].class,
                        new String[] {"classpath:db/migration"}))
                .load();
        this.clock = clock;
    }

    @Override
    public Health health() {
        Answer kept = answer;
        Instant now = clock.instant();
        if (kept == null || kept.at().plus(KEPT).isBefore(now)) {
            kept = new Answer(now, check(flyway.info()));
            answer = kept;
        }
        return kept.health();
    }

    private static Health check(MigrationInfoService info) {
        // pending: newer than the database's version; ignored: older, but never applied
        long missing = Arrays.stream(info.all())
                .filter(m -> m.getState() == MigrationState.PENDING || m.getState() == MigrationState.IGNORED).count();
        long failed = Arrays.stream(info.all()).filter(m -> m.getState() == MigrationState.FAILED).count();
        MigrationInfo current = info.current();
        Health.Builder health = missing == 0 && failed == 0 ? Health.up() : Health.outOfService();
        return health.withDetail("version", current == null ? "none" : current.getVersion().getVersion())
                .withDetail("missing", missing)
                .withDetail("failed", failed)
                .build();
    }

    private record Answer(Instant at, Health health) {
    }
}
