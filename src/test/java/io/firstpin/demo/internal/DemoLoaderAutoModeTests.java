package io.firstpin.demo.internal;

import static io.firstpin.platform.db.Tables.COMMUNITY;
import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.community.Communities;
import io.firstpin.community.CommunityProfile;
import io.firstpin.demo.DemoDataGenerator;
import io.firstpin.demo.DemoSize;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestConstructor;

@DatabaseTest
@SpringBootTest(properties = "firstpin.demo=auto")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class DemoLoaderAutoModeTests {

    private final DSLContext db;
    private final DemoLoginHint hint;
    private final DemoDataGenerator generator;
    private final Organizations organizations;
    private final Communities communities;

    DemoLoaderAutoModeTests(DSLContext db, DemoLoginHint hint, DemoDataGenerator generator, Organizations organizations,
            Communities communities) {
        this.db = db;
        this.hint = hint;
        this.generator = generator;
        this.organizations = organizations;
        this.communities = communities;
    }

    @Test
    void autoLoadsNothingIntoADatabaseThatIsNotTheEmbeddedDefault() {
        assertThat(organizations.findBySlug(DemoDataGenerator.ORGANIZATION_SLUG)).isEmpty();
        assertThat(db.fetchCount(MEMBER)).isZero();
        assertThat(hint.hint(true)).isEmpty();
    }

    @Test
    void onlyAnH2FileCountsAsTheEmbeddedDefault() {
        assertThat(DemoLoader.embeddedDefault("jdbc:h2:file:./data/firstpin;MODE=PostgreSQL")).isTrue();
        assertThat(DemoLoader.embeddedDefault("jdbc:h2:mem:firstpin")).isFalse();
        assertThat(DemoLoader.embeddedDefault("jdbc:postgresql://127.0.0.1:5432/firstpin")).isFalse();
        assertThat(DemoLoader.embeddedDefault(null)).isFalse();
    }

    @Test
    void aGenerationThatFailsHalfwayLeavesNothingBehind() {
        long squatter = organizations.found(new Slug("squatter"), "Squatter").id();
        communities.start(squatter, new Slug("jaws-ug-okinawa"), CommunityProfile.of("Okinawa", null, null, null), null);

        assertThatThrownBy(() -> generator.generate(DemoSize.of(300, 40), 1, Instant.parse("2025-06-01T03:00:00Z")))
                .isInstanceOf(ConflictException.class);

        assertThat(organizations.findBySlug(DemoDataGenerator.ORGANIZATION_SLUG)).isEmpty();
        assertThat(db.fetchCount(ORGANIZATION)).isEqualTo(1);
        assertThat(db.fetchCount(COMMUNITY)).isEqualTo(1);
        assertThat(db.fetchCount(MEMBER)).isZero();
    }
}
