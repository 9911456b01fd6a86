package io.firstpin.insight;

import static io.firstpin.platform.db.Tables.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.member.MemberMerge;
import io.firstpin.member.MemberMerges;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.testing.DatabaseTest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.test.context.SpringBootTest;

/** The ladder over {@link LadderHistory}, where every number is known. */
@DatabaseTest
@SpringBootTest
class LadderTests {

    private static final Period YEAR_2025 = new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));

    @Autowired
    Ladder ladder;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;


    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    MemberMerges merges;
    @Autowired
    DSLContext db;

    LadderHistory story;

    @BeforeEach
    void aCommunityWhoseLadderIsKnown() {
        String slug = "ladder-" + System.nanoTime();
        Organization organization = organizations.found(new Slug(slug), "Ladder");
        Community tokyo = communities.start(organization.id(), new Slug(slug + "-tokyo"),
                CommunityProfile.of("JAWS-UG 東京", null, null, "Asia/Tokyo"), null);
        story = new LadderHistory(db, communities, events, tokyo);
    }

    @Test
    void eachStepCountsItsMembersWithConversionAndMedianDaysFromTheStepBelow() {
        LadderReport report = ladder.of(story.tokyo, true, YEAR_2025);

        assertThat(row(report, LadderStep.ATTENDEE)).containsExactly(5, 3, 1, null, null);
        assertThat(row(report, LadderStep.REPEATER)).containsExactly(4, 4, 1, 0.8, 90.5);
        assertThat(row(report, LadderStep.OUTPUT_AUTHOR)).containsExactly(3, 3, 0, 0.5, 1.0);
        assertThat(row(report, LadderStep.LT_SPEAKER)).containsExactly(2, 2, 1, 0.6667, 43.5);
        assertThat(row(report, LadderStep.CASE_STUDY_SPEAKER)).containsExactly(2, 2, 0, 0.5, 123.0);
        assertThat(row(report, LadderStep.ORGANIZER)).containsExactly(1, 1, 1, 0.5, 21.0);
    }

    @Test
    void theDaysCountOnlyMembersWhoTookTheStepsInOrderAndTheOthersAreCountedApart() {
        // B led 東京 before his case study in 大阪; C led it without ever giving one
        story.history.leader(story.b, "2025-01-15", null);
        story.history.leader(story.c, "2025-04-01", null);

        LadderReport.Rung organizer = ladder.of(story.tokyo, true, YEAR_2025).rung(LadderStep.ORGANIZER);

        assertThat(organizer.members()).isEqualTo(3);
        assertThat(organizer.conversionFromPrevious()).isEqualTo(1.0);
        assertThat(organizer.medianDaysFromPrevious()).isEqualTo(21.0);
        assertThat(organizer.skippedPrevious()).isEqualTo(1);
        assertThat(organizer.previousLater()).isEqualTo(1);
    }

    @Test
    void aStaffMemberWhoCameOnlyToAnAfterPartyIsNoAttendeeOfTheLadder() {
        long host = story.history.staffMember("社員 T");
        CommunityHistory.Held party = story.history.afterPartyAt("2025-02-10T21:30", "JP-13", "渋谷区");
        db.update(EVENT).set(EVENT.PARENT_EVENT_ID, story.t1.id()).where(EVENT.ID.eq(party.id())).execute();
        party.checkedIn(host);

        LadderReport report = ladder.of(story.tokyo, true, YEAR_2025);

        assertThat(report.rung(LadderStep.ATTENDEE).staff()).isEqualTo(1);
    }

    @Test
    void theLadderIsCumulativeUpToThePeriodsEnd() {
        LadderReport firstQuarter = ladder.of(story.tokyo, true,
                new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31)));

        assertThat(firstQuarter.rungs()).extracting(LadderReport.Rung::members).containsExactly(5, 3, 1, 0, 1, 0);
        assertThat(firstQuarter.rungs()).extracting(LadderReport.Rung::staff).containsExactly(1, 0, 0, 0, 0, 1);
        assertThat(firstQuarter.rung(LadderStep.REPEATER).reachedInPeriod()).isEqualTo(3);
    }

    @Test
    void waitlistedCancelledLotteryLosersAndNoShowsNeverCountWhileConfirmedRegistrantsOfAnEventWithoutCheckInsDo() {
        LadderReport report = ladder.of(story.tokyo, true, YEAR_2025);

        List<Long> ready = report.ready().stream().flatMap(list -> list.members().stream())
                .map(LadderReport.ReadyMember::memberId).toList();
        assertThat(ready).doesNotContain(story.d, story.e, story.f, story.g, story.staff);
        // D came only to the event without check-ins (t1 was a no-show), so is an attendee but no repeater
        assertThat(report.rung(LadderStep.ATTENDEE).members()).isEqualTo(5);
        assertThat(report.rung(LadderStep.REPEATER).members()).isEqualTo(4);
    }

    @Test
    void aBranchRollUpCountsAPersonOnce() {
        LadderReport tokyoAlone = ladder.of(story.tokyo, false, YEAR_2025);
        LadderReport osakaAlone = ladder.of(story.osaka, false, YEAR_2025);
        LadderReport tree = ladder.of(story.tokyo, true, YEAR_2025);

        assertThat(tokyoAlone.rungs()).extracting(LadderReport.Rung::members).containsExactly(4, 3, 3, 2, 0, 1);
        assertThat(osakaAlone.rungs()).extracting(LadderReport.Rung::members).containsExactly(4, 1, 0, 0, 2, 0);
        assertThat(tree.rungs()).extracting(LadderReport.Rung::members).containsExactly(5, 4, 3, 2, 2, 1);
    }

    @Test
    void membersReadyForTheirNextStepAreListedMostRecentlyActiveFirst() {
        LadderReport report = ladder.of(story.tokyo, true, YEAR_2025);

        assertThat(report.ready()).extracting(LadderReport.ReadyList::reached, LadderReport.ReadyList::next,
                        LadderReport.ReadyList::total)
                .containsExactly(
                        tuple(LadderStep.REPEATER, LadderStep.OUTPUT_AUTHOR, 2),
                        tuple(LadderStep.OUTPUT_AUTHOR, LadderStep.LT_SPEAKER, 1),
                        tuple(LadderStep.LT_SPEAKER, LadderStep.CASE_STUDY_SPEAKER, 1),
                        tuple(LadderStep.CASE_STUDY_SPEAKER, LadderStep.ORGANIZER, 1));
        assertThat(report.ready().get(0).members())
                .containsExactly(new LadderReport.ReadyMember(story.b, "B", 4, LocalDate.of(2025, 9, 10)),
                        new LadderReport.ReadyMember(story.i, "I", 2, LocalDate.of(2025, 3, 10)));
        assertThat(report.ready().get(1).members())
                .containsExactly(new LadderReport.ReadyMember(story.h, "H", 0, LocalDate.of(2025, 5, 12)));
        assertThat(report.ready().get(2).members()).extracting(LadderReport.ReadyMember::memberId)
                .containsExactly(story.c);
        assertThat(report.ready().get(3).members()).extracting(LadderReport.ReadyMember::memberId)
                .containsExactly(story.b);
    }

    @Test
    void aReadyListShowsTheMostRecentlyActiveAndCountsThemAll() {
        LadderReport report = ladder.of(story.tokyo, true, YEAR_2025, 1);

        assertThat(report.ready().get(0).total()).isEqualTo(2);
        assertThat(report.ready().get(0).members()).extracting(LadderReport.ReadyMember::memberId)
                .containsExactly(story.b);
    }

    @Test
    void aPersonKnownAsTwoMembersClimbsOnceMerged() {
        Community sapporo = communities.start(story.tokyo.organizationId(),
                new Slug("ladder-merge-" + System.nanoTime()), CommunityProfile.of("JAWS-UG 札幌", null, null,
                        "Asia/Tokyo"), null);
        CommunityHistory own = new CommunityHistory(db, communities, events, sapporo);
        long viaConnpass = own.member("山田 太郎");
        long viaMeetup = own.member("Taro Yamada");
        long other = own.member("J");
        own.eventAt("2025-01-15T19:00", "JP-01", "札幌市").checkedIn(viaConnpass, other);
        own.eventAt("2025-02-15T19:00", "JP-01", "札幌市").checkedIn(viaMeetup).lightningTalkBy(viaMeetup);
        assertThat(ladder.of(sapporo, false, YEAR_2025).rungs()).extracting(LadderReport.Rung::members)
                .containsExactly(3, 0, 0, 1, 0, 0);

        MemberMerge merge = merges.merge(story.tokyo.organizationId(), viaConnpass, viaMeetup);
        LadderReport merged = ladder.of(sapporo, false, YEAR_2025);

        assertThat(merged.rungs()).extracting(LadderReport.Rung::members).containsExactly(2, 1, 0, 1, 0, 0);
        assertThat(merged.rung(LadderStep.REPEATER).medianDaysFromPrevious()).isEqualTo(31.0);
        assertThat(merged.ready().get(0).members()).extracting(LadderReport.ReadyMember::memberId)
                .containsExactly(viaConnpass);

        merges.undo(story.tokyo.organizationId(), merge.id());

        assertThat(ladder.of(sapporo, false, YEAR_2025).rungs()).extracting(LadderReport.Rung::members)
                .containsExactly(3, 0, 0, 1, 0, 0);
    }

    /** Members, reached in the period, staff, conversion from the step below, median days from it. */
    private static List<Object> row(LadderReport report, LadderStep step) {
        LadderReport.Rung rung = report.rung(step);
        return Arrays.asList(rung.members(), rung.reachedInPeriod(), rung.staff(), rung.conversionFromPrevious(),
                rung.medianDaysFromPrevious());
    }
}
