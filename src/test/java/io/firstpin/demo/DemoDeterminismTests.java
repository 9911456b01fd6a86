package io.firstpin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.FirstpinApplication;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Generates into separate fresh databases, each behind its own application, and compares what was written. */
@DatabaseTest
class DemoDeterminismTests {

    static final Instant NOW = Instant.parse("2025-06-01T03:00:00Z");
    static final DemoSize SIZE = DemoSize.of(300, 40);

    record Generated(DemoSummary summary, String checksum) {
    }

    /** Each generation starts a whole application; the reference one is shared by both tests. */
    private static Generated reference;

    private static synchronized Generated reference() {
        if (reference == null) {
            reference = generateIntoFreshDatabase(42);
        }
        return reference;
    }

    @Test
    void sameSeedProducesTheSameOrganizationInTwoFreshDatabases() {
        Generated first = reference();
        Generated second = generateIntoFreshDatabase(42);

        assertThat(second.summary()).isEqualTo(first.summary());
        assertThat(second.checksum()).isEqualTo(first.checksum());
    }

    @Test
    void aDifferentSeedProducesADifferentOrganization() {
        Generated first = reference();
        Generated other = generateIntoFreshDatabase(43);

        assertThat(other.checksum()).isNotEqualTo(first.checksum());
        assertThat(other.summary().members()).isEqualTo(first.summary().members());
        assertThat(other.summary().events()).isEqualTo(first.summary().events());
    }

    private static Generated generateIntoFreshDatabase(long seed) {
        List<String> arguments = new ArrayList<>();
        TestDatabase.current().newDatabase().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        arguments.add("--server.port=0");
        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(FirstpinApplication.class)
                .run(arguments.toArray(String[]::new))) {
            DemoSummary summary = application.getBean(DemoDataGenerator.class).generate(SIZE, seed, NOW);
            return new Generated(summary, DemoFacts.checksum(application.getBean(DSLContext.class)));
        }
    }
}
