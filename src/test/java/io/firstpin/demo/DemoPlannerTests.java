package io.firstpin.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory plan, before anything is written. */
class DemoPlannerTests {

    static final Instant NOW = Instant.parse("2025-06-01T03:00:00Z");

    private static List<String> fingerprint(DemoPlan plan) {
        return plan.events().stream()
                .map(e -> e.title() + "@" + e.startsAt() + ":" + e.registrations().stream()
                        .map(r -> plan.people().get(r.person()).displayName() + "/" + r.status() + "/" + r.checkIn())
                        .toList())
                .toList();
    }

    @Test
    void sameSeedSizeAndNowGiveTheSamePlan() {
        DemoPlan first = DemoPlanner.plan(DemoSize.of(300, 40), 11, NOW);
        DemoPlan second = DemoPlanner.plan(DemoSize.of(300, 40), 11, NOW);

        assertThat(second.people()).isEqualTo(first.people());
        assertThat(second.memberCreatedAt()).isEqualTo(first.memberCreatedAt());
        assertThat(fingerprint(second)).isEqualTo(fingerprint(first));
    }

    @Test
    void aDifferentSeedGivesDifferentPeopleAndAttendance() {
        DemoPlan first = DemoPlanner.plan(DemoSize.of(300, 40), 11, NOW);
        DemoPlan other = DemoPlanner.plan(DemoSize.of(300, 40), 12, NOW);

        assertThat(other.people()).isNotEqualTo(first.people());
        assertThat(fingerprint(other)).isNotEqualTo(fingerprint(first));
    }

    @Test
    void theHistoryEndsAroundNowWithAFewUpcomingEvents() {
        DemoPlan plan = DemoPlanner.plan(DemoSize.standard(), 2010, NOW);
        long now = NOW.getEpochSecond();

        assertThat(plan.events()).hasSize(DemoSize.standard().events());
        assertThat(plan.events().get(0).startsAt()).isBetween(now - 2 * 366 * 86_400L, now - 2 * 300 * 86_400L);
        long upcoming = plan.events().stream().filter(e -> e.startsAt() > now).count();
        assertThat(upcoming).isBetween(3L, plan.events().size() / 10L);
        assertThat(plan.events()).allSatisfy(e -> assertThat(e.createdAt()).isLessThanOrEqualTo(now));
    }

    @Test
    void theStandardSizeIsWhatTheQuickStartPromises() {
        DemoSize standard = DemoSize.standard();

        assertThat(standard.branches()).isGreaterThanOrEqualTo(7);
        assertThat(standard.members()).isBetween(2_000, 5_000);
        assertThat(standard.years()).isEqualTo(2);
        assertThat(DemoSize.large().members()).isEqualTo(200_000);
        assertThat(DemoSize.large().events()).isEqualTo(5_000);
        assertThat(DemoSize.large().attendances()).isEqualTo(1_000_000);
    }

    @Test
    void sizesThatCannotMakeASensibleOrganizationAreRefused() {
        assertThatThrownBy(() -> new DemoSize(5, 300, 40, 800, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoSize.of(10, 40)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoSize.of(300, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
