package io.firstpin.demo.internal;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static io.firstpin.platform.db.Tables.COMMUNITY;
import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.demo.DemoDataGenerator;
import io.firstpin.demo.DemoSize;
import io.firstpin.testing.DatabaseTest;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestConstructor;

@DatabaseTest
@SpringBootTest(properties = "firstpin.demo=true")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class DemoLoaderOnModeTests {

    private final DSLContext db;
    private final DemoLoader loader;
    private final DemoLoginHint hint;

    DemoLoaderOnModeTests(DSLContext db, DemoLoader loader, DemoLoginHint hint) {
        this.db = db;
        this.loader = loader;
        this.hint = hint;
    }

    private List<Integer> counts() {
        return List.of(db.fetchCount(ORGANIZATION), db.fetchCount(COMMUNITY), db.fetchCount(MEMBER),
                db.fetchCount(EVENT), db.fetchCount(ATTENDANCE));
    }

    @Test
    void trueLoadsTheStandardDemoAtStart() {
        assertThat(db.fetchCount(ORGANIZATION, ORGANIZATION.SLUG.eq(DemoDataGenerator.ORGANIZATION_SLUG))).isEqualTo(1);
        assertThat(db.fetchCount(MEMBER)).isEqualTo(DemoSize.standard().members());
        assertThat(db.fetchCount(EVENT)).isEqualTo(DemoSize.standard().events());
        assertThat(db.fetchCount(COMMUNITY)).isEqualTo(DemoSize.standard().branches() + 1);
        assertThat(hint.hint(true)).as("the tests' base URL is not local").isEmpty();
    }

    @Test
    void aSecondRunDoesNotLoadItAgain() {
        List<Integer> before = counts();

        loader.run(new DefaultApplicationArguments());

        assertThat(counts()).isEqualTo(before);
    }
}
