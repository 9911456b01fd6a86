package io.firstpin.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.attendee.Attendees;
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
import java.time.ZoneId;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The overview's numbers are those of each community's own report. 東京: 2024-12 (A), 2025-03 (A, B, C), 2025-06 (B,
 * D, staff S), and one event today; leaders L1, L2, L3. Its branch 大阪: 2025-04 (A, E; no check-ins), leader L1 alone.
 * 札幌: no events, no leaders.
 */
@DatabaseTest
@SpringBootTest
class OrganizationOverviewTests {

    private static final Period YEAR_2025 = new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));

    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;

    @Autowired
    Attendees attendees;

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    OrganizationOverview overview;
    @Autowired
    CommunityKpis kpis;
    @Autowired
    LeaderInsights leaders;
    @Autowired
    DSLContext db;

    Organization organization;
    Community tokyo;
    Community osaka;
    Community sapporo;

    @BeforeEach
    void threeCommunities() {
        String slug = "overview-" + System.nanoTime();
        organization = organizations.found(new Slug(slug), "Overview");
        tokyo = communities.start(organization.id(), new Slug(slug + "-tokyo"),
                CommunityProfile.of("JAWS-UG 東京", null, null, "Asia/Tokyo"), null);
        sapporo = communities.start(organization.id(), new Slug(slug + "-sapporo"),
                CommunityProfile.of("JAWS-UG 札幌", null, null, "Asia/Tokyo"), null);
        CommunityHistory history = new CommunityHistory(db, communities, events, tokyo);
        osaka = history.branch("JAWS-UG 大阪", LocalDate.of(2024, 1, 1));
        long a = history.member("A");
        long b = history.member("B");
        long c = history.member("C");
        long d = history.member("D");
        long e = history.member("E");
        long s = history.staffMember("S");
        long l1 = history.member("L1");
        long l2 = history.member("L2");
        long l3 = history.member("L3");
        history.eventAt("2024-12-10T19:00", "JP-13", "渋谷区").checkedIn(a);
        history.eventAt("2025-03-10T19:00", "JP-13", "渋谷区").checkedIn(a, b, c);
        history.eventAt("2025-06-10T19:00", "JP-13", "渋谷区").checkedIn(b, d, s);
        history.eventAt(LocalDate.now(ZoneId.of("Asia/Tokyo")) + "T00:30", "JP-13", "渋谷区");
        history.eventOf(osaka, "2025-04-10T19:00", "JP-27", "大阪市").confirmed(a, e);
        history.leader(l1, "2024-01-01", null);
        history.leader(l2, "2024-01-01", null);
        history.leader(l3, "2025-05-01", null);
        history.leaderOf(osaka, l1, "2024-01-01", null);
    }

    private OrganizationOverview.Row row(List<OrganizationOverview.Row> rows, Community community) {
        return rows.stream().filter(r -> r.community().id().equals(community.id())).findFirst().orElseThrow();
    }

    @Test
    void eachCommunitysRowAgreesWithItsOwnReport() {
        List<OrganizationOverview.Row> rows = overview.rows(organization.id(), YEAR_2025,
                OrganizationOverview.Column.NAME, false);

        for (Community community : List.of(tokyo, osaka)) {
            CommunityReport report = kpis.report(community, false, YEAR_2025);
            int attendees = report.events().stream().mapToInt(EventKpis::attendees).sum();
            int newcomers = report.events().stream().mapToInt(EventKpis::newcomers).sum();
            OrganizationOverview.Row row = row(rows, community);
            assertThat(row.newcomerRatio()).isEqualTo(Ratio.of(newcomers, attendees));
            assertThat(row.uniqueParticipants()).isEqualTo(report.participation().uniqueParticipants());
            assertThat(row.selfRunningIndex())
                    .isEqualTo(leaders.report(community, false, YEAR_2025).selfRunning().index());
        }
        // 東京 2025: 5 attendances (A, B, C; B, D), newcomers B, C, D
        assertThat(row(rows, tokyo).newcomerRatio()).isEqualTo(0.6);
        assertThat(row(rows, tokyo).uniqueParticipants()).isEqualTo(4);
        assertThat(row(rows, tokyo).selfRunningIndex()).isEqualTo(1.0);
        assertThat(row(rows, osaka).newcomerRatio()).isEqualTo(1.0);
    }

    @Test
    void leadersAreCountedTodayAndEventsInTheCurrentQuarter() {
        List<OrganizationOverview.Row> rows = overview.rows(organization.id(), YEAR_2025,
                OrganizationOverview.Column.NAME, false);

        assertThat(row(rows, tokyo).activeLeaders()).isEqualTo(3);
        assertThat(row(rows, tokyo).bench()).isEqualTo(BenchStatus.AT_TARGET);
        assertThat(row(rows, tokyo).eventsThisQuarter()).isEqualTo(1);
        assertThat(row(rows, osaka).bench()).isEqualTo(BenchStatus.ONE_PERSON_OPERATION);
        assertThat(row(rows, sapporo).bench()).isEqualTo(BenchStatus.NO_LEADER);
        assertThat(row(rows, sapporo).newcomerRatio()).isNull();
        assertThat(row(rows, sapporo).selfRunningIndex()).isNull();
    }

    @Test
    void theRowsSortByAnyColumnWithMissingValuesLast() {
        assertThat(overview.rows(organization.id(), YEAR_2025, OrganizationOverview.Column.NAME, false))
                .extracting(r -> r.community().name())
                .containsExactly("JAWS-UG 札幌", "JAWS-UG 東京", "JAWS-UG 大阪");
        assertThat(overview.rows(organization.id(), YEAR_2025, OrganizationOverview.Column.ACTIVE_LEADERS, true))
                .extracting(r -> r.community().name())
                .containsExactly("JAWS-UG 東京", "JAWS-UG 大阪", "JAWS-UG 札幌");
        assertThat(overview.rows(organization.id(), YEAR_2025, OrganizationOverview.Column.NEWCOMER_RATIO, false))
                .extracting(r -> r.community().name())
                .containsExactly("JAWS-UG 東京", "JAWS-UG 大阪", "JAWS-UG 札幌");
        assertThat(overview.rows(organization.id(), YEAR_2025, OrganizationOverview.Column.NEWCOMER_RATIO, true))
                .extracting(r -> r.community().name())
                .containsExactly("JAWS-UG 大阪", "JAWS-UG 東京", "JAWS-UG 札幌");
        assertThat(overview.rows(organization.id(), YEAR_2025, OrganizationOverview.Column.PARTICIPANTS, true))
                .extracting(r -> r.community().name())
                .containsExactly("JAWS-UG 東京", "JAWS-UG 大阪", "JAWS-UG 札幌");
    }

    @Test
    void theTotalsRowCountsTheOrganizationAsOne() {
        OrganizationOverview.Total total = overview.table(organization.id(), YEAR_2025,
                OrganizationOverview.Column.NAME, false).total();

        // 2025: A B C, B D (東京) and A E (大阪), staff left out: 7 attendances; A had come in 2024, so B, C, D and E
        // are new to the organization; A, B, C, D, E are 5 people; L1 leads in both communities and counts once
        assertThat(total.newcomerRatio()).isEqualTo(Ratio.of(4, 7));
        assertThat(total.uniqueParticipants()).isEqualTo(5);
        assertThat(total.activeLeaders()).isEqualTo(3);
        assertThat(total.eventsThisQuarter()).isEqualTo(1);
        assertThat(total.selfRunningIndex()).isEqualTo(1.0);
    }
}
