package io.firstpin.demo.internal;

import static io.firstpin.platform.db.Tables.ORGANIZATION;

import io.firstpin.demo.DemoDataGenerator;
import io.firstpin.demo.DemoSummary;
import io.firstpin.organization.Organizations;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the demo organization at start, as {@code firstpin.demo} asks; after the identity bootstrap. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class DemoLoader implements ApplicationRunner {

    /** The quick start's database: an H2 file under the data directory. */
    static final String EMBEDDED_DEFAULT_URL_PREFIX = "jdbc:h2:file:";

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final DemoProperties properties;
    private final DemoDataGenerator generator;
    private final Organizations organizations;
    private final DSLContext db;
    private final DataSource dataSource;
    private final Clock clock;
    private final DemoPasswords passwords;

    DemoLoader(DemoProperties properties, DemoDataGenerator generator, Organizations organizations, DSLContext db,
            DataSource dataSource, Clock clock, DemoPasswords passwords) {
        this.passwords = passwords;
        this.properties = properties;
        this.generator = generator;
        this.organizations = organizations;
        this.db = db;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        DemoProperties.Mode mode = properties.mode();
        if (mode == DemoProperties.Mode.FALSE) {
            return;
        }
        if (organizations.findBySlug(DemoDataGenerator.ORGANIZATION_SLUG).isPresent()) {
            log.debug("Demo organization {} is already there", DemoDataGenerator.ORGANIZATION_SLUG);
            passwords.secureUnlessLocal();
            return;
        }
        if (mode == DemoProperties.Mode.AUTO && !(embeddedDefault(jdbcUrl()) && db.fetchCount(ORGANIZATION) == 0)) {
            log.debug("Not loading the demo organization: firstpin.demo=auto loads it only into an empty embedded database");
            return;
        }
        long started = System.nanoTime();
        try {
            DemoSummary summary = generator.generate(properties.size(), properties.demoSeed(), clock.instant());
            log.info("Demo organization {} loaded ({}, seed {}) in {} ms: {}; sign in as {}",
                    DemoDataGenerator.ORGANIZATION_SLUG, properties.demoSize(), properties.demoSeed(),
                    (System.nanoTime() - started) / 1_000_000, summary, DemoDataGenerator.ADMIN_EMAIL);
            passwords.secureUnlessLocal();
        } catch (RuntimeException e) {
            // the generation runs in one transaction, so nothing of it stays; the application is usable without it
            log.error("Demo organization {} could not be loaded after {} ms and was rolled back",
                    DemoDataGenerator.ORGANIZATION_SLUG, (System.nanoTime() - started) / 1_000_000, e);
        }
    }

    static boolean embeddedDefault(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith(EMBEDDED_DEFAULT_URL_PREFIX);
    }

    private String jdbcUrl() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
    }
}
