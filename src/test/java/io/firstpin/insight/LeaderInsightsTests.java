package io.firstpin.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.leadership.BenchStatus;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.testing.DatabaseTest;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The leader bench, the self-running index and the leader candidates over a 2025 history where every number is known.
 *
 * <p>東京: Alice leads from 2024-04-01, staff member Sam from 2025-03-01 to 2025-06-30, Bob from 2025-07-01. Events on
 * 02-10 (Alice, Carol, Erin, Sam attend: organized by Alice, self-run), 04-10 (Carol, Frank; Carol's case study; Alice
 * and Sam organize: with staff), 08-10 (Carol, Erin; Erin's LT and blog post; Alice and Bob: self-run). Branch 大阪:
 * Dave alone leads from 2025-01-01, one event on 05-20 (self-run). Branch 名古屋: no leader, one event on 09-01
 * (organizers unknown).
 */
@DatabaseTest
@SpringBootTest
class LeaderInsightsTests {

    private static final Period YEAR_2025 = new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));

    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;


    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    LeaderInsights insights;
    @Autowired
    DSLContext db;

    Community tokyo;
    Community osaka;
    Community nagoya;
    long alice;
    long bob;
    long carol;
    long dave;
    long erin;
    long frank;
    long sam;

    @BeforeEach
    void aCommunityWithRotatingLeadersAndTwoBranches() {
        String slug = "leaders-" + System.nanoTime();
        Organization organization = organizations.found(new Slug(slug), "Leaders");
        tokyo = communities.start(organization.id(), new Slug(slug + "-tokyo"),
                CommunityProfile.of("JAWS-UG 東京", null, null, "Asia/Tokyo"), null);
        CommunityHistory history = new CommunityHistory(db, communities, events, tokyo);
        osaka = history.branch("JAWS-UG 大阪", LocalDate.of(2025, 1, 1));
        nagoya = history.branch("JAWS-UG 名古屋", LocalDate.of(2025, 1, 1));
        alice = history.member("Alice");
        bob = history.member("Bob");
        carol = history.member("Carol");
        dave = history.member("Dave");
        erin = history.member("Erin");
        frank = history.member("Frank");
        sam = history.staffMember("Sam");
        history.leader(alice, "2024-04-01", null);
        history.leader(sam, "2025-03-01", "2025-06-30");
        history.leader(bob, "2025-07-01", null);
        history.leaderOf(osaka, dave, "2025-01-01", null);
        history.eventAt("2025-02-10T19:00", "JP-13", "渋谷区").checkedIn(alice, carol, erin, sam);
        history.eventAt("2025-04-10T19:00", "JP-13", "渋谷区").checkedIn(carol, frank).caseStudyBy(carol);
        history.eventAt("2025-08-10T19:00", "JP-13", "渋谷区").checkedIn(carol, erin).lightningTalkBy(erin)
                .reportedBy(erin, "https://example.com/erin-" + System.nanoTime(), false);
        history.eventOf(osaka, "2025-05-20T19:00", "JP-27", "大阪市").confirmed(dave, frank);
        history.eventOf(nagoya, "2025-09-01T19:00", "JP-23", "名古屋市").confirmed(frank);
    }

    @Test
    void theBenchCountsTheLeadersOnThePeriodsLastDayWithTheirTenure() {
        LeaderBench bench = insights.report(tokyo, false, YEAR_2025).bench();

        assertThat(bench.on()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(bench.activeLeaders()).isEqualTo(2);
        assertThat(bench.target()).isEqualTo(3);
        assertThat(bench.status()).isEqualTo(BenchStatus.BELOW_TARGET);
        assertThat(bench.communities().get(0).leaders())
                .extracting(LeaderBench.Tenure::displayName, LeaderBench.Tenure::days, LeaderBench.Tenure::months)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Alice", 639L, 20L),
                        org.assertj.core.groups.Tuple.tuple("Bob", 183L, 5L));
    }

    @Test
    void rotationsCountTheRoleStartsAndEndsOfThePeriodPerYear() {
        LeaderBench bench = insights.report(tokyo, false, YEAR_2025).bench();
        LeaderBench halfYear = insights.report(tokyo, false,
                new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30))).bench();

        assertThat(bench.roleStarts()).isEqualTo(2);
        assertThat(bench.roleEnds()).isEqualTo(1);
        assertThat(bench.rotationsPerYear()).isEqualTo(3.0);
        // Sam's start and end in 181 days: 2 × 365 / 181
        assertThat(halfYear.rotationsPerYear()).isEqualTo(4.03);
    }

    @Test
    void aBranchWithOneLeaderIsAOnePersonOperationAndOneWithoutIsFlaggedToo() {
        LeaderBench bench = insights.report(tokyo, true, YEAR_2025).bench();

        assertThat(bench.activeLeaders()).isEqualTo(3);
        assertThat(bench.status()).isEqualTo(BenchStatus.AT_TARGET);
        assertThat(bench.communities()).extracting(LeaderBench.CommunityBench::name,
                        LeaderBench.CommunityBench::activeLeaders, LeaderBench.CommunityBench::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("JAWS-UG 東京", 2, BenchStatus.BELOW_TARGET),
                        org.assertj.core.groups.Tuple.tuple("JAWS-UG 名古屋", 0, BenchStatus.NO_LEADER),
                        org.assertj.core.groups.Tuple.tuple("JAWS-UG 大阪", 1, BenchStatus.ONE_PERSON_OPERATION));
    }

    @Test
    void anEventWithAStaffOrganizerIsNotSelfRunAndOneWithoutOrganizersIsCountedApart() {
        SelfRunning alone = insights.report(tokyo, false, YEAR_2025).selfRunning();
        SelfRunning tree = insights.report(tokyo, true, YEAR_2025).selfRunning();

        assertThat(alone.total()).isEqualTo(new SelfRunning.Counts(2, 1, 0));
        assertThat(alone.index()).isEqualTo(0.6667);
        assertThat(alone.events()).extracting(SelfRunning.OrganizedEvent::organized).containsExactly(
                SelfRunning.Organized.SELF_RUN, SelfRunning.Organized.STAFF_RUN, SelfRunning.Organized.SELF_RUN);
        assertThat(alone.events().get(1).organizers()).containsExactly("Alice", "Sam");
        assertThat(tree.total()).isEqualTo(new SelfRunning.Counts(3, 1, 1));
        assertThat(tree.index()).isEqualTo(0.75);
    }

    @Test
    void theIndexIsGivenPerQuarterOfThePeriod() {
        List<SelfRunning.Quarter> quarters = insights.report(tokyo, true, YEAR_2025).selfRunning().quarters();

        assertThat(quarters).containsExactly(
                new SelfRunning.Quarter("2025-Q1", new SelfRunning.Counts(1, 0, 0)),
                new SelfRunning.Quarter("2025-Q2", new SelfRunning.Counts(1, 1, 0)),
                new SelfRunning.Quarter("2025-Q3", new SelfRunning.Counts(1, 0, 1)),
                new SelfRunning.Quarter("2025-Q4", new SelfRunning.Counts(0, 0, 0)));
        assertThat(quarters.get(3).counts().index()).isNull();
    }

    @Test
    void candidatesAreRankedByRecencyDecayedLoveWithoutCurrentLeadersAndWithStaffApart() {
        LeaderCandidates report = insights.candidates(tokyo, false, YEAR_2025);

        assertThat(report.members()).extracting(LeaderCandidate::displayName)
                .containsExactly("Erin", "Carol", "Frank");
        LeaderCandidate erin = report.members().get(0);
        assertThat(erin.love()).isCloseTo(3.74, within(0.001));
        assertThat(erin).extracting(LeaderCandidate::attendedRecent, LeaderCandidate::recentEvents,
                        LeaderCandidate::lightningTalks, LeaderCandidate::caseStudies, LeaderCandidate::outputs)
                .containsExactly(2, 3, 1, 0, 1);
        LeaderCandidate carol = report.members().get(1);
        assertThat(carol.love()).isCloseTo(3.02, within(0.001));
        assertThat(carol.caseStudies()).isEqualTo(1);
        assertThat(report.staff()).extracting(LeaderCandidate::displayName, LeaderCandidate::organized,
                LeaderCandidate::love).containsExactly(org.assertj.core.groups.Tuple.tuple("Sam", 1, 1.73));
    }
}
