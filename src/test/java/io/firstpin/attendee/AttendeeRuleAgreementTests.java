package io.firstpin.attendee;

import static io.firstpin.platform.db.Tables.ATTENDEE;
import static io.firstpin.platform.db.Tables.REGISTRATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.insight.CommunityKpis;
import io.firstpin.insight.CommunityReport;
import io.firstpin.insight.EventKpis;
import io.firstpin.insight.MemberActivities;
import io.firstpin.insight.MemberActivity;
import io.firstpin.insight.Period;
import io.firstpin.member.MemberMerges;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.output.internal.NudgeRecords;
import io.firstpin.platform.Slug;
import io.firstpin.registration.RegistrationStatus;
import io.firstpin.survey.internal.SurveyRecords;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.testing.CommunityHistory.Held;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.MovableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;

/**
 * One rule for "attended": the kept rows, the KPIs, the survey's recipients and its eligibility check, the report
 * nudge's recipients and the segments' activity all name the same people, on a history with every trap: a check-in on
 * a cancelled, a waitlisted and a lost registration, a check-in without any registration, an event nobody checked in
 * at, staff, and a member merged into another.
 */
@DatabaseTest
@SpringBootTest
@Import(MovableClock.Config.class)
class AttendeeRuleAgreementTests {

    private static final Period SPRING = new Period(LocalDate.of(2030, 4, 1), LocalDate.of(2030, 6, 30));

    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    DSLContext db;
    @Autowired
    MemberMerges merges;
    @Autowired
    Attendees attendees;
    @Autowired
    CommunityKpis kpis;
    @Autowired
    MemberActivities activities;
    @Autowired
    SurveyRecords surveys;
    @Autowired
    NudgeRecords nudges;
    @Autowired
    MovableClock clock;

    Organization organization;
    Community tokyo;
    long a;
    long b;
    long c;
    long d;
    long e;
    long lost;
    long staff;
    long n;
    Held withCheckIns;
    Held withoutCheckIns;

    @BeforeEach
    void aHistoryWithEveryTrap() {
        clock.set(Instant.parse("2030-07-01T00:00:00Z"));
        String slug = "rule-" + System.nanoTime();
        organization = organizations.found(new Slug(slug), "Rule");
        tokyo = communities.start(organization.id(), new Slug(slug + "-tokyo"),
                CommunityProfile.of("JAWS-UG 東京", null, null, "Asia/Tokyo"), null);
        CommunityHistory history = new CommunityHistory(db, communities, events, tokyo);
        a = history.member("A");
        b = history.member("B");
        c = history.member("C");
        d = history.member("D");
        e = history.member("E");
        lost = history.member("L");
        staff = history.staffMember("社員 S");
        n = history.member("N");
        long m = history.member("M, who is N");

        withCheckIns = history.eventAt("2030-04-10T19:00", "JP-13", "渋谷区")
                .checkedIn(a, staff, m).confirmed(b).cancelledAfterCheckingIn(c)
                .checkedInWhile(RegistrationStatus.WAITLISTED, d).checkedInWhile(RegistrationStatus.LOST, lost)
                .checkedInWithoutRegistration(e);
        withoutCheckIns = history.eventAt("2030-05-10T19:00", "JP-13", "渋谷区")
                .confirmed(a, c, staff, n).waitlisted(d).lostTheLottery(lost).cancelled(b);
        merges.merge(organization.id(), n, m);
    }

    @Test
    void everyReaderOfAttendanceNamesTheSamePeople() {
        Set<Long> first = Set.of(a, staff, n, e);
        Set<Long> second = Set.of(a, c, staff, n);

        assertThat(kept(withCheckIns)).isEqualTo(first);
        assertThat(kept(withoutCheckIns)).isEqualTo(second);

        CommunityReport report = kpis.report(tokyo, false, SPRING);
        assertThat(report.events()).extracting(EventKpis::attendees).containsExactly(3, 3);
        assertThat(report.participation().uniqueParticipants()).isEqualTo(4);

        // e checked in without a registration: nobody to email, nothing to answer with
        assertThat(surveyRecipients(withCheckIns)).isEqualTo(Set.of(a, staff, n));
        assertThat(surveyRecipients(withoutCheckIns)).isEqualTo(second);
        assertThat(mayAnswerTheSurvey(withCheckIns)).isEqualTo(Set.of(a, staff, n));
        assertThat(mayAnswerTheSurvey(withoutCheckIns)).isEqualTo(second);
        assertThat(nudged(withCheckIns)).isEqualTo(Set.of(a, staff, n));
        assertThat(nudged(withoutCheckIns)).isEqualTo(second);

        Map<Long, Integer> attendedEver = activities.of(tokyo, false, Instant.parse("2030-01-01T00:00:00Z")).stream()
                .collect(Collectors.toMap(MemberActivity::memberId, MemberActivity::eventsEver));
        assertThat(attendedEver).isEqualTo(Map.of(a, 2, staff, 2, n, 2, e, 1, c, 1));
    }

    private Set<Long> kept(Held event) {
        attendees.catchUp();
        return Set.copyOf(db.select(ATTENDEE.MEMBER_ID).from(ATTENDEE).where(ATTENDEE.EVENT_ID.eq(event.id()))
                .fetch(ATTENDEE.MEMBER_ID));
    }

    private Set<Long> surveyRecipients(Held event) {
        return surveys.recipients(event.id()).stream().map(r -> memberOf(r.registrationId()))
                .collect(Collectors.toSet());
    }

    private Set<Long> mayAnswerTheSurvey(Held event) {
        return db.select(REGISTRATION.ID, REGISTRATION.MEMBER_ID).from(REGISTRATION)
                .where(REGISTRATION.EVENT_ID.eq(event.id()))
                .fetch().stream()
                .filter(r -> surveys.attended(event.id(), r.value1()))
                .map(r -> r.value2())
                .collect(Collectors.toSet());
    }

    private Set<Long> nudged(Held event) {
        return nudges.recipients(event.id()).stream().map(NudgeRecords.Recipient::memberId)
                .collect(Collectors.toSet());
    }

    private long memberOf(long registrationId) {
        return db.select(REGISTRATION.MEMBER_ID).from(REGISTRATION).where(REGISTRATION.ID.eq(registrationId))
                .fetchSingle(REGISTRATION.MEMBER_ID);
    }
}
