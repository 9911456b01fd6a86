package io.firstpin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's leader roles, derived from the plan. */
class DemoLeadersTests {

    static final Instant NOW = Instant.parse("2025-06-01T03:00:00Z");

    private static List<DemoLeaders.Role> of(List<DemoLeaders.Role> roles, int community) {
        return roles.stream().filter(r -> r.community() == community).toList();
    }

    @Test
    void theSamePlanGivesTheSameLeaders() {
        DemoPlan plan = DemoPlanner.plan(DemoSize.standard(), 42, NOW);

        assertThat(DemoLeaders.plan(plan)).isEqualTo(DemoLeaders.plan(DemoPlanner.plan(DemoSize.standard(), 42, NOW)));
    }

    @Test
    void theMainCommunityAndLaterBranchesRotatedOneOfTheirThreeLeadersAndTheSecondIsAOnePersonOperation() {
        DemoPlan plan = DemoPlanner.plan(DemoSize.standard(), 42, NOW);
        List<DemoLeaders.Role> roles = DemoLeaders.plan(plan);

        List<DemoLeaders.Role> main = of(roles, 0);
        assertThat(main).hasSize(4);
        assertThat(main.stream().filter(r -> r.endedOn() == null)).hasSize(3);
        DemoLeaders.Role past = main.stream().filter(r -> r.endedOn() != null).findFirst().orElseThrow();
        assertThat(main).anyMatch(r -> r.startedOn().equals(past.endedOn().plusDays(1)));
        assertThat(of(roles, 1)).hasSize(1);
        assertThat(of(roles, 2)).hasSize(3).anyMatch(r -> plan.people().get(r.person()).staff());
        assertThat(of(roles, 3)).hasSize(2);
        for (int c = 4; c < plan.communities().size(); c++) {
            // two years: one handover, in the middle
            assertThat(of(roles, c)).hasSize(4).noneMatch(r -> plan.people().get(r.person()).staff());
            assertThat(of(roles, c).stream().filter(r -> r.endedOn() == null)).hasSize(3);
        }
    }
}
