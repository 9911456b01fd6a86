package io.firstpin.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.testing.CommunityHistory.Held;
import io.firstpin.insight.OutputImpact.EventImpact;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.testing.DatabaseTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Output rate, community-to-media ratio, burst and decay on a hand-built history where each number is known (times in
 * Asia/Tokyo; "day" counted from the event's day):
 *
 * <pre>
 * event  starts            attendees (counted)            outputs linked (author, type, day)
 * e0     2024-12-01 19:00  A                              media article (before the period)
 * e1     2025-03-01 19:00  A B C; staff S checked in;     anonymous blog -2; A blog 0; A slide 1; S blog 1;
 *                          D confirmed but absent          D blog 1; anonymous social 1; B social 2;
 *                                                          anonymous blog 2; media article M1 3; one staff unlinked
 * e2     2025-06-01 19:00  E F (no check-ins)             media article M2 0; E blog 5; M1 again (day -89)
 * e3     2025-09-01 19:00  A                              none
 * </pre>
 */
@DatabaseTest
@SpringBootTest
class OutputImpactsTests {

    private static final Period YEAR_2025 = new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));

    @Autowired
    CommunityKpis kpis;
    @Autowired
    OutputImpacts impacts;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;


    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    DSLContext db;

    Community tokyo;
    Held e1;
    Held e2;
    Held e3;

    @BeforeEach
    void aYearOfEventsAndTheirOutputs() {
        String slug = "impact-" + System.nanoTime();
        Organization organization = organizations.found(new Slug(slug), "Impact");
        tokyo = communities.start(organization.id(), new Slug(slug + "-tokyo"),
                CommunityProfile.of("JAWS-UG 東京", null, null, "Asia/Tokyo"), null);
        CommunityHistory history = new CommunityHistory(db, communities, events, tokyo);
        long a = history.member("A");
        long b = history.member("B");
        long c = history.member("C");
        long d = history.member("D");
        long e = history.member("E");
        long f = history.member("F");
        long staff = history.staffMember("社員 S");
        String site = "https://" + slug + ".example.jp/";

        Held e0 = history.eventAt("2024-12-01T19:00", "JP-13", "渋谷区").checkedIn(a);
        e0.wrote(null, "MEDIA", site + "media/0", "2024-12-02T10:00");

        e1 = history.eventAt("2025-03-01T19:00", "JP-13", "渋谷区").checkedIn(a, b, c, staff).confirmed(d);
        e1.wrote(null, "BLOG", site + "preview", "2025-02-27T12:00");
        e1.wrote(a, "BLOG", site + "a/1", "2025-03-01T22:00");
        e1.wrote(a, "SLIDE", site + "a/slides", "2025-03-02T09:00");
        e1.wrote(staff, "BLOG", site + "staff/1", "2025-03-02T12:00");
        e1.wrote(d, "BLOG", site + "d/1", "2025-03-02T18:00");
        e1.wrote(null, "SOCIAL", site + "social/1", "2025-03-02T23:59");
        e1.wrote(b, "SOCIAL", site + "b/1", "2025-03-03T08:00");
        e1.wrote(null, "BLOG", site + "anonymous/2", "2025-03-03T20:00");
        long m1 = e1.wrote(null, "MEDIA", site + "media/1", "2025-03-04T10:00");
        e1.reportedBy(staff, site + "staff/unlinked", true);

        e2 = history.onlineEventAt("2025-06-01T19:00").confirmed(e, f);
        e2.wrote(null, "MEDIA", site + "media/2", "2025-06-01T21:00");
        e2.wrote(e, "BLOG", site + "e/1", "2025-06-06T21:00");
        e2.alsoLinks(m1);

        e3 = history.eventAt("2025-09-01T19:00", "JP-13", "渋谷区").checkedIn(a);
    }

    private OutputImpact impact(Period period) {
        return impacts.of(kpis.report(tokyo, false, period));
    }

    private static List<Integer> days(int... pairs) {
        List<Integer> perDay = new ArrayList<>(Collections.nCopies(EventImpact.LAST_DAY - EventImpact.FIRST_DAY + 1, 0));
        for (int i = 0; i < pairs.length; i += 2) {
            perDay.set(pairs[i] - EventImpact.FIRST_DAY, pairs[i + 1]);
        }
        return perDay;
    }

    @Test
    void theOutputRateCountsDistinctAttendeeAuthorsLeavingOutStaffAndPeopleWhoDidNotAttend() {
        OutputImpact impact = impact(YEAR_2025);

        EventImpact first = impact.of(e1.id()).orElseThrow();
        assertThat(first.attendees()).isEqualTo(3);
        assertThat(first.attendeeAuthors()).isEqualTo(2);
        assertThat(first.outputRate()).isEqualTo(0.6667);
        EventImpact second = impact.of(e2.id()).orElseThrow();
        assertThat(second.attendeeAuthors()).isEqualTo(1);
        assertThat(second.outputRate()).isEqualTo(0.5);
        assertThat(impact.of(e3.id()).orElseThrow().outputRate()).isEqualTo(0.0);
    }

    @Test
    void outputsPerDayAroundTheEventGiveThePeakAndTheDaysUntilTheCountFallsUnderHalfOfIt() {
        OutputImpact impact = impact(YEAR_2025);

        EventImpact first = impact.of(e1.id()).orElseThrow();
        assertThat(first.perDay()).isEqualTo(days(-2, 1, 0, 1, 1, 4, 2, 2, 3, 1));
        assertThat(first.peak()).isEqualTo(4);
        assertThat(first.peakDay()).isEqualTo(1);
        assertThat(first.decayDays()).isEqualTo(2);
        EventImpact second = impact.of(e2.id()).orElseThrow();
        assertThat(second.perDay()).isEqualTo(days(0, 1, 5, 1));
        assertThat(second.peakDay()).isZero();
        assertThat(second.decayDays()).isEqualTo(1);
        EventImpact third = impact.of(e3.id()).orElseThrow();
        assertThat(third.peak()).isZero();
        assertThat(third.peakDay()).isNull();
        assertThat(third.decayDays()).isNull();
    }

    @Test
    void aCountThatStaysAtHalfThePeakOrMoreUntilTheLastDayHasNoDecay() {
        List<Integer> perDay = new ArrayList<>(Collections.nCopies(EventImpact.LAST_DAY - EventImpact.FIRST_DAY + 1, 1));
        perDay.set(-EventImpact.FIRST_DAY, 2);
        EventImpact steady = new EventImpact(1, 10, 2, perDay);

        assertThat(steady.peakDay()).isZero();
        assertThat(steady.decayDays()).isNull();
    }

    @Test
    void communityOutputsAndMediaArticlesCountEachOutputOnceAndOnlyForThePeriodsEvents() {
        OutputImpact impact = impact(YEAR_2025);

        assertThat(impact.communityOutputs()).isEqualTo(9);
        assertThat(impact.mediaArticles()).isEqualTo(2);
        assertThat(impact.communityToMediaRatio()).isEqualTo(4.5);
    }

    @Test
    void withoutMediaArticlesTheRatioIsNull() {
        OutputImpact impact = impact(new Period(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31)));

        assertThat(impact.communityOutputs()).isZero();
        assertThat(impact.mediaArticles()).isZero();
        assertThat(impact.communityToMediaRatio()).isNull();
    }
}
