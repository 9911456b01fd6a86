package io.firstpin.insight;

import static io.firstpin.platform.db.Tables.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.attendee.Attendees;
import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.EventStatus;
import io.firstpin.testing.CommunityHistory.Held;
import io.firstpin.member.MemberMerge;
import io.firstpin.member.MemberMerges;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.Slug;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.MovableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Every KPI on a hand-built history where each number is known. The community 東京 and its branch 大阪:
 *
 * <pre>
 * event  where  starts (JST)        counted attendees  also there, not counted
 * e0     東京   2024-12-10 19:00    A B                -
 * e1     東京   2025-01-15 19:00    A C D              staff S checked in; E confirmed, no-show; F waitlisted; G cancelled
 * e2     東京   2025-02-20 19:00    A C E (no check-ins: by registration)  staff S confirmed; H waitlisted; B cancelled; G lost the lottery
 * e3     大阪   2025-03-05 19:00    B F H (H checked in without registration)  D confirmed, no-show; G cancelled after checking in
 * e4     東京   2025-03-05 19:00    A B F (same start as e3, later id)
 * e6     東京   2025-12-31 23:30    D
 * e7     東京   2026-01-01 00:00    A                  (after 2025 in Tokyo, though still 2025 in UTC)
 * e5     東京   2026-01-10 19:00    C
 * </pre>
 */
@DatabaseTest
@SpringBootTest
@Import(MovableClock.Config.class)
class CommunityKpisTests {

    private static final Period YEAR_2025 = new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));

    @Autowired
    CommunityKpis kpis;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;

    @Autowired
    Attendees attendees;

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    DSLContext db;
    @Autowired
    MovableClock clock;
    @Autowired
    MemberMerges merges;

    CommunityHistory history;
    Community tokyo;
    Community osaka;
    Held e0;
    Held e1;
    Held e2;
    Held e3;
    Held e4;
    Held e6;

    @BeforeEach
    void aYearOfTokyoAndItsOsakaBranch() {
        clock.set(Instant.parse("2030-03-01T09:00:00Z"));
        String slug = "kpi-" + System.nanoTime();
        Organization organization = organizations.found(new Slug(slug), "KPI");
        tokyo = communities.start(organization.id(), new Slug(slug + "-tokyo"),
                CommunityProfile.of("JAWS-UG 東京", null, null, "Asia/Tokyo"), null);
        history = new CommunityHistory(db, communities, events, tokyo);
        osaka = history.branch("JAWS-UG 大阪", LocalDate.of(2025, 1, 5));
        long a = history.member("A");
        long b = history.member("B");
        long c = history.member("C");
        long d = history.member("D");
        long e = history.member("E");
        long f = history.member("F");
        long g = history.member("G");
        long h = history.member("H");
        long staff = history.staffMember("社員 S");

        e0 = history.eventAt("2024-12-10T19:00", "JP-13", "渋谷区").checkedIn(a, b);
        e1 = history.eventAt("2025-01-15T19:00", "JP-13", "渋谷区").checkedIn(a, c, d, staff).confirmed(e)
                .waitlisted(f).cancelled(g);
        e2 = history.onlineEventAt("2025-02-20T19:00").confirmed(a, c, e, staff).waitlisted(h).cancelled(b)
                .lostTheLottery(g);
        e3 = history.eventOf(osaka, "2025-03-05T19:00", "JP-27", "大阪市").checkedIn(b, f)
                .checkedInWithoutRegistration(h).confirmed(d).cancelledAfterCheckingIn(g);
        e4 = history.eventAt("2025-03-05T19:00", "JP-13", "港区").checkedIn(a, b, f);
        e6 = history.eventAt("2025-12-31T23:30", "JP-13", "渋谷区").checkedIn(d);
        history.eventAt("2026-01-01T00:00", "JP-13", "渋谷区").checkedIn(a);
        history.eventAt("2026-01-10T19:00", "JP-13", "渋谷区").checkedIn(c);
    }

    @Test
    void perEventAttendeesNewcomersReturnRateAndNoShowsOfTheWholeTree() {
        CommunityReport report = kpis.report(tokyo, true, YEAR_2025);

        assertThat(report.events()).extracting(EventKpis::id)
                .containsExactly(e1.id(), e2.id(), e3.id(), e4.id(), e6.id());
        assertThat(row(report, e1)).containsExactly(AttendanceBasis.CHECKIN, 3, 2, 0.6667, 1, 0.5, 0.2, 1);
        assertThat(row(report, e2)).containsExactly(AttendanceBasis.REGISTRATION, 3, 1, 0.3333, 2, 0.6667, null, 1);
        assertThat(row(report, e3)).containsExactly(AttendanceBasis.CHECKIN, 3, 2, 0.6667, 0, 0.0, 0.3333, 0);
        assertThat(row(report, e4)).containsExactly(AttendanceBasis.CHECKIN, 3, 0, 0.0, 2, 0.6667, 0.0, 0);
        assertThat(row(report, e6)).containsExactly(AttendanceBasis.CHECKIN, 1, 0, 0.0, 0, 0.0, 0.0, 0);
    }

    @Test
    void aDraftOrACancelledEventIsNoEventOfTheKpisNorThePreviousOneOfTheNext() {
        Held cancelled = history.eventAt("2025-06-01T19:00", "JP-13", "渋谷区");
        Held draft = history.eventAt("2025-09-01T19:00", "JP-13", "渋谷区");
        db.update(EVENT).set(EVENT.STATUS, EventStatus.CANCELLED.name()).where(EVENT.ID.eq(cancelled.id())).execute();
        db.update(EVENT).set(EVENT.STATUS, EventStatus.DRAFT.name()).where(EVENT.ID.eq(draft.id())).execute();

        CommunityReport report = kpis.report(tokyo, true, YEAR_2025);

        assertThat(report.events()).extracting(EventKpis::id)
                .containsExactly(e1.id(), e2.id(), e3.id(), e4.id(), e6.id());
        assertThat(row(report, e6)).as("compared with e4, the last event that took place")
                .containsExactly(AttendanceBasis.CHECKIN, 1, 0, 0.0, 0, 0.0, 0.0, 0);
    }

    @Test
    void outputsPerEventAreTheLinkedOnesWithTheirDistinctAuthors() {
        long writer = history.member("Writer");
        long other = history.member("Other writer");
        e1.reportedBy(writer, "https://blog.example.jp/1", false).reportedBy(writer, "https://blog.example.jp/2", false)
                .reportedBy(other, "https://blog.example.jp/3", false).reportedBy(other, "https://blog.example.jp/4", true);

        CommunityReport report = kpis.report(tokyo, true, YEAR_2025);

        EventKpis first = report.events().stream().filter(e -> e.id() == e1.id()).findFirst().orElseThrow();
        EventKpis second = report.events().stream().filter(e -> e.id() == e2.id()).findFirst().orElseThrow();
        assertThat(first.outputs()).isEqualTo(3);
        assertThat(first.outputAuthors()).isEqualTo(2);
        assertThat(second.outputs()).isZero();
    }

    @Test
    void withoutBranchesTheBranchsEventsAreNeitherCountedNorEarlier() {
        CommunityReport report = kpis.report(tokyo, false, YEAR_2025);

        assertThat(report.events()).extracting(EventKpis::id).containsExactly(e1.id(), e2.id(), e4.id(), e6.id());
        assertThat(row(report, e4)).containsExactly(AttendanceBasis.CHECKIN, 3, 1, 0.3333, 1, 0.3333, 0.0, 0);
        assertThat(report.participation()).isEqualTo(new Participation(6, 3, 1));
    }

    @Test
    void theFirstEventInScopeHasNoReturnRateAndEveryoneIsNewThere() {
        CommunityReport report = kpis.report(osaka, false, YEAR_2025);

        assertThat(report.events()).hasSize(1);
        EventKpis only = report.events().get(0);
        assertThat(only.attendees()).isEqualTo(3);
        assertThat(only.newcomers()).isEqualTo(3);
        assertThat(only.newcomerRatio()).isEqualTo(1.0);
        assertThat(only.returningFromPrevious()).isNull();
        assertThat(only.returnRate()).isNull();
    }

    @Test
    void theFirstEventOfThePeriodIsComparedWithTheEventBeforeThePeriod() {
        CommunityReport report = kpis.report(tokyo, true,
                new Period(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28)));

        assertThat(report.events()).hasSize(1);
        assertThat(row(report, e2)).containsExactly(AttendanceBasis.REGISTRATION, 3, 1, 0.3333, 2, 0.6667, null, 1);
    }

    @Test
    void uniqueParticipantsAndRepeatersCountAPersonOnceAcrossTheTreeAndLeaveStaffApart() {
        Participation participation = kpis.report(tokyo, true, YEAR_2025).participation();

        assertThat(participation.uniqueParticipants()).isEqualTo(7);
        assertThat(participation.repeaters()).isEqualTo(5);
        assertThat(participation.staffParticipants()).isEqualTo(1);
    }

    @Test
    void thePeriodEndsAtMidnightInTheCommunitysTimeZone() {
        CommunityReport lastDay = kpis.report(tokyo, false,
                new Period(LocalDate.of(2025, 12, 31), LocalDate.of(2025, 12, 31)));
        CommunityReport newYear = kpis.report(tokyo, false,
                new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)));

        assertThat(lastDay.events()).extracting(EventKpis::id).containsExactly(e6.id());
        assertThat(newYear.events()).hasSize(1);
        assertThat(newYear.events().get(0).startsAt()).isEqualTo(Instant.parse("2025-12-31T15:00:00Z"));
    }

    @Test
    void cohortsByFirstEventMonthWithReturnsWithinOneThreeSixAndTwelveMonths() {
        List<Cohort> cohorts = kpis.report(tokyo, true, YEAR_2025).cohorts();

        assertThat(cohorts).extracting(Cohort::month, Cohort::members).containsExactly(
                org.assertj.core.groups.Tuple.tuple(YearMonth.of(2025, 1), 2),
                org.assertj.core.groups.Tuple.tuple(YearMonth.of(2025, 2), 1),
                org.assertj.core.groups.Tuple.tuple(YearMonth.of(2025, 3), 2));
        assertThat(shares(cohorts.get(0))).containsExactly(0.0, 0.5, 0.5, 1.0);
        assertThat(shares(cohorts.get(1))).containsExactly(0.0, 0.0, 0.0, 0.0);
        assertThat(shares(cohorts.get(2))).containsExactly(0.5, 0.5, 0.5, 0.5);
    }

    @Test
    void aCohortWindowThatHasNotPassedYetHasNoNumber() {
        clock.set(Instant.parse("2025-06-01T00:00:00Z"));

        List<Cohort> cohorts = kpis.report(tokyo, true, YEAR_2025).cohorts();

        assertThat(shares(cohorts.get(0))).containsExactly(0.0, 0.5, null, null);
        assertThat(cohorts.get(0).retention().get(2).returned()).isNull();
        assertThat(shares(cohorts.get(2))).containsExactly(0.5, null, null, null);
    }

    @Test
    void footprintCountsQuartersPlacesAndThePaceOfEachCommunity() {
        Footprint footprint = kpis.report(tokyo, true, YEAR_2025).footprint();

        assertThat(footprint.eventsPerQuarter()).containsExactly(new Footprint.QuarterCount("2025-Q1", 4),
                new Footprint.QuarterCount("2025-Q2", 0), new Footprint.QuarterCount("2025-Q3", 0),
                new Footprint.QuarterCount("2025-Q4", 1));
        assertThat(footprint.prefectureCodes()).containsExactly("JP-13", "JP-27");
        assertThat(footprint.cities()).isEqualTo(3);
        assertThat(footprint.online()).isEqualTo(1);
        Footprint.CommunityPace ofTokyo = footprint.communities().get(0);
        Footprint.CommunityPace ofOsaka = footprint.communities().get(1);
        assertThat(ofTokyo.slug()).isEqualTo(tokyo.slug());
        assertThat(ofTokyo.events()).isEqualTo(4);
        assertThat(ofTokyo.medianDaysBetweenEvents()).isEqualTo(36.0);
        assertThat(ofTokyo.daysFromCreationToFirstEvent()).isNull();
        assertThat(ofOsaka.events()).isEqualTo(1);
        assertThat(ofOsaka.medianDaysBetweenEvents()).isNull();
        assertThat(ofOsaka.daysFromCreationToFirstEvent()).isEqualTo(59L);
    }

    @Test
    void eventsOutsideTheHealthyNewcomerBandAreNamed() {
        CommunityReport report = kpis.report(tokyo, true, YEAR_2025);

        assertThat(report.newcomerBand()).isEqualTo(new NewcomerBand(0.4, 0.6));
        assertThat(report.events().get(0).against(report.newcomerBand())).isEqualTo(NewcomerBand.Position.ABOVE);
        assertThat(report.events().get(1).against(report.newcomerBand())).isEqualTo(NewcomerBand.Position.BELOW);
        assertThat(report.outsideNewcomerBand()).hasSize(5);
    }

    @Test
    void anAfterPartyOfTheEveningsOwnAttendeesIsNeverNamedOutsideTheBand() {
        long a = history.member("After A");
        long b = history.member("After B");
        history.eventAt("2025-06-10T19:00", "JP-13", "渋谷区").checkedIn(a, b);
        Held afterParty = history.afterPartyAt("2025-06-10T21:30", "JP-13", "渋谷区").checkedIn(a, b);

        CommunityReport report = kpis.report(tokyo, true, YEAR_2025);

        EventKpis party = report.events().stream().filter(e -> e.id() == afterParty.id()).findFirst().orElseThrow();
        assertThat(party.newcomerRatio()).isEqualTo(0.0);
        assertThat(party.against(report.newcomerBand())).isEqualTo(NewcomerBand.Position.BELOW);
        assertThat(party.outside(report.newcomerBand())).isFalse();
        assertThat(report.outsideNewcomerBand()).extracting(EventKpis::id).doesNotContain(afterParty.id());
        assertThat(report.eventsTheBandAppliesTo()).isEqualTo(report.events().size() - 1);
    }

    @Test
    void aPeriodsSummaryHasTheHeadlineFiguresOfItsWholeReport() {
        Period march = new Period(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 12, 31));
        for (Period period : List.of(YEAR_2025, march)) {
            for (boolean withBranches : List.of(true, false)) {
                assertThat(kpis.summary(tokyo, withBranches, period))
                        .isEqualTo(PeriodSummary.of(kpis.report(tokyo, withBranches, period)));
            }
        }
        // March to December, the whole tree: e3, e4, e6; B, F, H, A, D; newcomers F and H; B and F came twice
        assertThat(kpis.summary(tokyo, true, march))
                .isEqualTo(new PeriodSummary(march, 3, new Participation(5, 2, 0), 2, 2, 3, 0));
    }

    @Test
    void aPeriodWithoutEventsHasZerosAndNoRatios() {
        CommunityReport report = kpis.report(tokyo, true, new Period(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)));

        assertThat(report.events()).isEmpty();
        assertThat(report.participation()).isEqualTo(new Participation(0, 0, 0));
        assertThat(report.cohorts()).isEmpty();
        assertThat(report.footprint().eventsPerQuarter()).hasSize(4).allMatch(q -> q.events() == 0);
    }

    @Test
    void onlyTheCommunityOrOneOfItsBranchesCanBePicked() {
        Community elsewhere = communities.start(tokyo.organizationId(), new Slug("other-" + System.nanoTime()),
                CommunityProfile.of("別のコミュニティ", null, null, "Asia/Tokyo"), null);

        assertThat(kpis.withinTree(tokyo, osaka.slug()).id()).isEqualTo(osaka.id());
        assertThat(kpis.withinTree(tokyo, "").id()).isEqualTo(tokyo.id());
        assertThatThrownBy(() -> kpis.withinTree(tokyo, elsewhere.slug())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aPersonKnownAsTwoMembersCountsOnceOnceMergedAndTwiceAgainWhenTheMergeIsUndone() {
        Community sapporo = communities.start(tokyo.organizationId(), new Slug("kpi-merge-" + System.nanoTime()),
                CommunityProfile.of("JAWS-UG 札幌", null, null, "Asia/Tokyo"), null);
        CommunityHistory own = new CommunityHistory(db, communities, events, sapporo);
        long viaConnpass = own.member("山田 太郎");
        long viaMeetup = own.member("Taro Yamada");
        long other = own.member("I");
        own.eventAt("2025-01-15T19:00", "JP-01", "札幌市").checkedIn(viaConnpass, other);
        own.eventAt("2025-02-15T19:00", "JP-01", "札幌市").checkedIn(viaMeetup);
        own.eventAt("2025-03-15T19:00", "JP-01", "札幌市").checkedIn(viaConnpass, viaMeetup);
        List<Object> twoPeople = List.of(3, 2, List.of(2, 1, 0), List.of(2, 1, 2));
        assertThat(people(kpis.report(sapporo, false, YEAR_2025))).isEqualTo(twoPeople);

        MemberMerge merge = merges.merge(tokyo.organizationId(), viaConnpass, viaMeetup);

        assertThat(people(kpis.report(sapporo, false, YEAR_2025)))
                .isEqualTo(List.of(2, 1, List.of(2, 0, 0), List.of(2, 1, 1)));

        merges.undo(tokyo.organizationId(), merge.id());

        assertThat(people(kpis.report(sapporo, false, YEAR_2025))).isEqualTo(twoPeople);
    }

    /** Unique participants, repeaters, then newcomers and attendees per event. */
    private static List<Object> people(CommunityReport report) {
        return List.of(report.participation().uniqueParticipants(), report.participation().repeaters(),
                report.events().stream().map(EventKpis::newcomers).toList(),
                report.events().stream().map(EventKpis::attendees).toList());
    }

    /** attendanceBy, attendees, newcomers, newcomer ratio, returning, return rate, no-show rate, staff. */
    private static List<Object> row(CommunityReport report, Held event) {
        EventKpis e = report.events().stream().filter(k -> k.id() == event.id()).findFirst().orElseThrow();
        return Arrays.asList(e.attendanceBy(), e.attendees(), e.newcomers(), e.newcomerRatio(),
                e.returningFromPrevious(), e.returnRate(), e.noShowRate(), e.staffAttendees());
    }

    private static List<Double> shares(Cohort cohort) {
        return cohort.retention().stream().map(Cohort.Retention::share).toList();
    }
}
