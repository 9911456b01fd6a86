package io.firstpin.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.insight.Quadrant;
import io.firstpin.member.AudienceInput;
import io.firstpin.member.AudienceSource;
import io.firstpin.member.Audiences;
import io.firstpin.member.MemberMerges;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.Slug;
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
 * Segments evaluated on a history relative to today. 東京: 30 months ago Veteran came; 10 months ago Alice, Bob, staff
 * member Sam, Taro and Taro's duplicate checked in, Wait was waitlisted, Cancel cancelled and Noshow confirmed but did
 * not come; 6 months ago Alice, Bob, Sam and the duplicate checked in, Bob gave an LT and wrote a post, Wait was
 * waitlisted; 2 months ago nobody checked in and Alice, Sam and Carol were confirmed (attendance by registration), Wait
 * waitlisted. Branch 大阪: a month ago Alice and Dora checked in. The duplicate is merged into Taro.
 */
@DatabaseTest
@SpringBootTest
class SegmentsTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;


    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    Segments segments;
    @Autowired
    MemberMerges merges;
    @Autowired
    Audiences audiences;
    @Autowired
    DSLContext db;

    Organization organization;
    Community tokyo;
    long alice;
    long bob;
    long carol;
    long dora;
    long sam;
    long taro;
    long veteran;

    @BeforeEach
    void aCommunityWithEveryKindOfRegistration() {
        String slug = "segments-" + System.nanoTime();
        organization = organizations.found(new Slug(slug), "Segments");
        tokyo = communities.start(organization.id(), new Slug(slug + "-tokyo"),
                CommunityProfile.of("JAWS-UG 東京", null, null, "Asia/Tokyo"), null);
        CommunityHistory history = new CommunityHistory(db, communities, events, tokyo);
        Community osaka = history.branch("JAWS-UG 大阪", LocalDate.of(2020, 1, 1));
        alice = history.member("Alice");
        bob = history.member("Bob");
        carol = history.member("Carol");
        dora = history.member("Dora");
        sam = history.staffMember("Sam");
        taro = history.member("Taro");
        long duplicate = history.member("Taro (connpass)");
        long wait = history.member("Wait");
        long cancel = history.member("Cancel");
        long noshow = history.member("Noshow");
        veteran = history.member("Veteran");
        history.eventAt(monthsAgo(30), "JP-13", "渋谷区").checkedIn(veteran);
        history.eventAt(monthsAgo(10), "JP-13", "渋谷区").checkedIn(alice, bob, sam, taro, duplicate).waitlisted(wait)
                .cancelled(cancel).confirmed(noshow);
        history.eventAt(monthsAgo(6), "JP-13", "渋谷区").checkedIn(alice, bob, sam, duplicate).waitlisted(wait)
                .lightningTalkBy(bob).reportedBy(bob, "https://example.com/bob-" + System.nanoTime(), false);
        history.eventAt(monthsAgo(2), "JP-13", "渋谷区").confirmed(alice, sam, carol).waitlisted(wait);
        history.eventOf(osaka, monthsAgo(1), "JP-27", "大阪市").checkedIn(alice, dora);
        merges.merge(organization.id(), taro, duplicate);
    }

    private static String monthsAgo(int months) {
        return LocalDate.now(ZoneId.of("Asia/Tokyo")).minusMonths(months) + "T19:00";
    }

    private List<String> namesIn(boolean withBranches, SegmentCriteria criteria) {
        return segments.preview(organization.id(), tokyo.slug(), withBranches, criteria).members().stream()
                .map(SegmentMember::displayName).toList();
    }

    private static SegmentCriteria attended(int events, OutputFilter outputs, TalkFilter talks) {
        return new SegmentCriteria(events, 12, outputs, talks, null, false);
    }

    @Test
    void attendedThreeTimesInTheLastYearWithoutOutputCountsCheckInsAndRegistrationsWhereNobodyCheckedIn() {
        assertThat(namesIn(false, attended(3, OutputFilter.NONE, TalkFilter.ANY))).containsExactly("Alice");
    }

    @Test
    void waitlistedCancelledAndNoShowRegistrationsNeverCount() {
        List<String> everyone = namesIn(false, new SegmentCriteria(0, 1, OutputFilter.ANY, TalkFilter.ANY, null,
                false));

        assertThat(everyone).containsExactlyInAnyOrder("Alice", "Bob", "Carol", "Taro", "Veteran");
    }

    @Test
    void staffAreLeftOutUnlessAskedFor() {
        SegmentCriteria withStaff = new SegmentCriteria(3, 12, OutputFilter.ANY, TalkFilter.ANY, null, true);

        assertThat(namesIn(false, attended(3, OutputFilter.ANY, TalkFilter.ANY))).containsExactly("Alice");
        assertThat(namesIn(false, withStaff)).containsExactly("Alice", "Sam");
    }

    @Test
    void aMergedMemberIsCountedOnceUnderTheMemberTheyBecame() {
        SegmentMembers twice = segments.preview(organization.id(), tokyo.slug(), false,
                attended(2, OutputFilter.ANY, TalkFilter.ANY));

        assertThat(twice.members()).extracting(SegmentMember::displayName).containsExactly("Alice", "Bob", "Taro");
        assertThat(twice.members().get(2)).extracting(SegmentMember::id, SegmentMember::eventsSince,
                SegmentMember::eventsEver).containsExactly(taro, 2, 2);
    }

    @Test
    void outputsAndTalksAreCountedAtTheScopesEvents() {
        SegmentMembers speakers = segments.preview(organization.id(), tokyo.slug(), false,
                attended(1, OutputFilter.SOME, TalkFilter.GAVE));

        assertThat(speakers.members()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(bob);
            assertThat(m.outputs()).isEqualTo(1);
            assertThat(m.talks()).isEqualTo(1);
        });
        assertThat(namesIn(false, attended(1, OutputFilter.ANY, TalkFilter.NONE))).doesNotContain("Bob");
    }

    @Test
    void withItsBranchesTheScopeTakesTheBranchesEventsToo() {
        SegmentMembers tree = segments.preview(organization.id(), tokyo.slug(), true,
                new SegmentCriteria(1, 1, OutputFilter.ANY, TalkFilter.ANY, null, false));

        assertThat(tree.members()).extracting(SegmentMember::displayName, SegmentMember::eventsSince)
                .containsExactlyInAnyOrder(tuple("Alice", 1),
                        tuple("Dora", 1));
    }

    @Test
    void aQuadrantPicksOnlyMembersPlacedThere() {
        audiences.record(organization.id(), alice, List.of(new AudienceInput("x", "100000", null)),
                AudienceSource.STAFF);
        audiences.record(organization.id(), bob, List.of(new AudienceInput("x", "50", null)), AudienceSource.STAFF);

        assertThat(namesIn(false, new SegmentCriteria(1, 12, OutputFilter.ANY, TalkFilter.ANY, Quadrant.FAN, false)))
                .containsExactly("Bob");
        assertThat(namesIn(false, new SegmentCriteria(1, 12, OutputFilter.ANY, TalkFilter.ANY, Quadrant.INFLUENCER,
                false))).containsExactly("Alice");
    }

    @Test
    void savedSegmentsAreEvaluatedWhenAskedAndBelongToTheirOrganization() {
        MemberSegment saved = segments.create(organization.id(), tokyo.slug(), false, "  常連、 アウトプット未 ",
                attended(3, OutputFilter.NONE, TalkFilter.ANY));
        Organization other = organizations.found(new Slug("segments-other-" + System.nanoTime()), "Other");

        assertThat(saved.name()).isEqualTo("常連、 アウトプット未");
        assertThat(segments.members(organization.id(), saved.id()).members()).extracting(SegmentMember::id)
                .containsExactly(alice);
        assertThatThrownBy(() -> segments.members(other.id(), saved.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> segments.create(other.id(), tokyo.slug(), false, "x",
                attended(1, OutputFilter.ANY, TalkFilter.ANY))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void criteriaReportEveryProblemOnItsField() {
        assertThatThrownBy(() -> SegmentCriteria.parse("-1", "0", "maybe", "", "superstar", false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field)
                        .containsExactlyInAnyOrder("minEvents", "withinMonths", "outputs", "talks", "quadrant"));
        assertThat(SegmentCriteria.parse("3", "12", "none", "ANY", "", false))
                .isEqualTo(new SegmentCriteria(3, 12, OutputFilter.NONE, TalkFilter.ANY, null, false));
    }
}
