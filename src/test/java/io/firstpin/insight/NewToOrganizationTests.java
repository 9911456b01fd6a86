package io.firstpin.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.testing.CommunityHistory.Held;
import io.firstpin.testing.DatabaseTest;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;

/**
 * "New to the organization" beside "new to this community", on a hand-built history of one organization with two
 * top-level communities: JAWS-UG (with its branch 広島) and E-JAWS.
 *
 * <pre>
 * event  where     starts (JST)       attendees
 * t1     JAWS-UG   2025-01-15 19:00   A, staff S
 * s1     E-JAWS    2025-02-10 19:00   C
 * x1     E-JAWS    2025-03-05 19:00   E   (same start as h1, earlier id)
 * h1     広島      2025-03-05 19:00   A B C E, staff S, D confirmed but checked in nowhere (the event has check-ins)
 * h2     広島      2025-04-10 19:00   B F (no check-ins: by registration)
 * </pre>
 */
@DatabaseTest
@SpringBootTest
class NewToOrganizationTests {

    private static final Period YEAR_2025 = new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));

    @Autowired
    CommunityKpis kpis;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    DSLContext db;

    Community jawsUg;
    Community hiroshima;
    Community eJaws;
    Held t1;
    Held s1;
    Held h1;
    Held h2;

    @BeforeEach
    void aMemberOfJawsUgVisitsTheHiroshimaBranch() {
        String slug = "new-to-org-" + System.nanoTime();
        Organization organization = organizations.found(new Slug(slug), "New to the organization");
        jawsUg = communities.start(organization.id(), new Slug(slug + "-jaws"),
                CommunityProfile.of("JAWS-UG", null, null, "Asia/Tokyo"), null);
        eJaws = communities.start(organization.id(), new Slug(slug + "-ejaws"),
                CommunityProfile.of("E-JAWS", null, null, "Asia/Tokyo"), null);
        CommunityHistory jaws = new CommunityHistory(db, communities, events, jawsUg);
        hiroshima = jaws.branch("JAWS-UG 広島", LocalDate.of(2024, 6, 1));
        long a = jaws.member("A");
        long b = jaws.member("B");
        long c = jaws.member("C");
        long d = jaws.member("D");
        long e = jaws.member("E");
        long f = jaws.member("F");
        long staff = jaws.staffMember("社員 S");

        t1 = jaws.eventAt("2025-01-15T19:00", "JP-13", "渋谷区").checkedIn(a, staff);
        s1 = jaws.eventOf(eJaws, "2025-02-10T19:00", "JP-13", "港区").checkedIn(c);
        jaws.eventOf(eJaws, "2025-03-05T19:00", "JP-13", "港区").checkedIn(e);
        h1 = jaws.eventOf(hiroshima, "2025-03-05T19:00", "JP-34", "広島市").checkedIn(a, b, c, e, staff).confirmed(d);
        h2 = jaws.eventOf(hiroshima, "2025-04-10T19:00", "JP-34", "広島市").confirmed(b, f);
    }

    private static EventKpis event(CommunityReport report, Held held) {
        return report.events().stream().filter(e -> e.id() == held.id()).findFirst().orElseThrow();
    }

    @Test
    void aFirstVisitToABranchIsNewToTheBranchButNewToTheOrganizationOnlyForAFirstEventOfAll() {
        CommunityReport branch = kpis.report(hiroshima, false, YEAR_2025);

        // A came to JAWS-UG in January, C and E to E-JAWS before; only B had never come to anything
        assertThat(event(branch, h1).newcomers()).isEqualTo(4);
        assertThat(event(branch, h1).newToOrganization()).isEqualTo(1);
        // F's first event of all; B is neither new to the branch nor to the organization
        assertThat(event(branch, h2).newcomers()).isEqualTo(1);
        assertThat(event(branch, h2).newToOrganization()).isEqualTo(1);
    }

    @Test
    void anEventOfAnotherTopLevelCommunityAtTheSameStartButEarlierIdCameBefore() {
        CommunityReport tree = kpis.report(jawsUg, true, YEAR_2025);

        // in JAWS-UG's tree A came before; B, C and E are new to it, but C and E had been to E-JAWS first
        assertThat(event(tree, h1).newcomers()).isEqualTo(3);
        assertThat(event(tree, h1).newToOrganization()).isEqualTo(1);
    }

    @Test
    void staffAreNeverNewToTheOrganizationAndTheFirstEventsOfATreeAreNewToIt() {
        CommunityReport tree = kpis.report(jawsUg, true, YEAR_2025);
        CommunityReport other = kpis.report(eJaws, false, YEAR_2025);

        assertThat(event(tree, t1).attendees()).isEqualTo(1);
        assertThat(event(tree, t1).newToOrganization()).isEqualTo(1);
        assertThat(event(other, s1).newToOrganization()).isEqualTo(1);
    }
}
