package io.firstpin.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.member.AudienceInput;
import io.firstpin.member.AudienceSource;
import io.firstpin.member.Audiences;
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
 * Love and reach over a 2025 history where every number is known. Events on 03-01, 06-01 and 09-01 (19:00 Tokyo),
 * looked at from 2026-01-01 00:00: an attendance then weighs 0.3087, 0.4400 and 0.6270.
 *
 * <p>Fan attends all three and gives an LT at the last (love 3.26), reach 50 on X. Champ attends all three with a
 * case study at the second (3.58), reach 3,000 on X plus 2,000 on GitHub. Infl attends the last (0.63), 10,000 on
 * YouTube (and 1,000,000 on X only from 2026-01-10). Rest attends the first (0.31), 10 on a feed. Unknown attends two
 * (1.07) without any audience known. Staff member Sam attends all three (1.38), 3,000 on X. Ghost was waitlisted, then
 * cancelled; Noshow confirmed and did not come: neither has love.
 */
@DatabaseTest
@SpringBootTest
class LoveReachTests {

    private static final Period YEAR_2025 = new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));

    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;


    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    LoveReach loveReach;
    @Autowired
    LeaderInsights leaders;
    @Autowired
    Audiences audiences;
    @Autowired
    DSLContext db;

    Community tokyo;
    long fan;
    long champ;
    long infl;
    long rest;
    long unknown;
    long sam;
    long ghost;
    long noshow;

    @BeforeEach
    void aYearWithFansChampionsAndInfluencers() {
        String slug = "love-reach-" + System.nanoTime();
        Organization organization = organizations.found(new Slug(slug), "Love and reach");
        tokyo = communities.start(organization.id(), new Slug(slug + "-tokyo"),
                CommunityProfile.of("JAWS-UG 東京", null, null, "Asia/Tokyo"), null);
        CommunityHistory history = new CommunityHistory(db, communities, events, tokyo);
        fan = history.member("Fan");
        champ = history.member("Champ");
        infl = history.member("Infl");
        rest = history.member("Rest");
        unknown = history.member("Unknown");
        sam = history.staffMember("Sam");
        ghost = history.member("Ghost");
        noshow = history.member("Noshow");
        history.eventAt("2025-03-01T19:00", "JP-13", "渋谷区").checkedIn(fan, champ, rest, sam).waitlisted(ghost)
                .confirmed(noshow);
        history.eventAt("2025-06-01T19:00", "JP-13", "渋谷区").checkedIn(fan, champ, unknown, sam).cancelled(ghost)
                .caseStudyBy(champ);
        history.eventAt("2025-09-01T19:00", "JP-13", "渋谷区").checkedIn(fan, champ, infl, unknown, sam)
                .lightningTalkBy(fan);
        audience(fan, "x", "50", "2025-05-01");
        audience(champ, "x", "100", "2025-01-01");
        audience(champ, "x", "3000", "2025-07-01");
        audience(champ, "github", "2000", "2025-07-01");
        audience(infl, "youtube", "10000", "2025-05-01");
        audience(infl, "x", "1000000", "2026-01-10");
        audience(rest, "feed", "10", "2025-02-01");
        audience(sam, "x", "3000", "2025-02-01");
    }

    private void audience(long member, String channel, String size, String asOf) {
        audiences.record(tokyo.organizationId(), member, List.of(new AudienceInput(channel, size, asOf)),
                AudienceSource.STAFF);
    }

    @Test
    void eachPlacedMemberHasTheCandidatesLoveAndTheSumOfTheLatestAudiencePerChannel() {
        LoveAndReach result = loveReach.of(tokyo, false, YEAR_2025);

        assertThat(result.placed()).extracting(LoveAndReach.Standing::displayName, LoveAndReach.Standing::love,
                        LoveAndReach.Standing::reach)
                .containsExactly(tuple("Champ", 3.58, 5000L), tuple("Fan", 3.26, 50L), tuple("Infl", 0.63, 10000L),
                        tuple("Rest", 0.31, 10L));
        double candidateLove = leaders.candidates(tokyo, false, YEAR_2025).members().stream()
                .filter(c -> c.memberId() == fan).findFirst().orElseThrow().love();
        assertThat(result.of(fan).orElseThrow().love()).isEqualTo(candidateLove);
    }

    @Test
    void theMediansSplitFansChampionsInfluencersAndTheRest() {
        LoveAndReach result = loveReach.of(tokyo, false, YEAR_2025);

        assertThat(result.thresholds().love()).isCloseTo(1.945, within(0.0001));
        assertThat(result.thresholds().reach()).isEqualTo(2525.0);
        assertThat(result.thresholds().loveIsMedian()).isTrue();
        assertThat(result.in(Quadrant.CHAMPION)).extracting(LoveAndReach.Standing::memberId).containsExactly(champ);
        assertThat(result.in(Quadrant.FAN)).extracting(LoveAndReach.Standing::memberId).containsExactly(fan);
        assertThat(result.in(Quadrant.INFLUENCER)).extracting(LoveAndReach.Standing::memberId).containsExactly(infl);
        assertThat(result.in(Quadrant.REST)).extracting(LoveAndReach.Standing::memberId).containsExactly(rest);
    }

    @Test
    void unknownReachIsApartAndNotZeroAndStaffAreApartWhateverTheirReach() {
        LoveAndReach result = loveReach.of(tokyo, false, YEAR_2025);

        assertThat(result.unknownReach()).extracting(LoveAndReach.Standing::displayName, LoveAndReach.Standing::love,
                LoveAndReach.Standing::reach, LoveAndReach.Standing::quadrant)
                .containsExactly(tuple("Unknown", 1.07, null, null));
        assertThat(result.staff()).extracting(LoveAndReach.Standing::displayName, LoveAndReach.Standing::love,
                LoveAndReach.Standing::reach).containsExactly(tuple("Sam", 1.38, 3000L));
        assertThat(result.placed()).extracting(LoveAndReach.Standing::memberId).doesNotContain(unknown, sam);
    }

    @Test
    void waitlistedCancelledAndNoShowMembersHaveNoLove() {
        LoveAndReach result = loveReach.of(tokyo, false, YEAR_2025);

        assertThat(result.of(ghost)).isEmpty();
        assertThat(result.of(noshow)).isEmpty();
    }

    @Test
    void reachIsTakenAsKnownOnThePeriodsLastDay() {
        Period year2026 = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

        assertThat(loveReach.of(tokyo, false, year2026).of(infl).orElseThrow().reach()).isEqualTo(1_010_000L);
        assertThat(loveReach.of(tokyo, false, YEAR_2025).of(infl).orElseThrow().reach()).isEqualTo(10_000L);
    }

    @Test
    void theMemberPageGetsTheirPlaceInEachCommunityTheyHaveLoveFor() {
        List<LoveReach.CommunityStanding> standings = loveReach.ofMember(tokyo.organizationId(), fan);

        assertThat(standings).singleElement().satisfies(s -> {
            assertThat(s.communitySlug()).isEqualTo(tokyo.slug());
            assertThat(s.standing().reach()).isEqualTo(50L);
            assertThat(s.standing().quadrant()).isNotNull();
        });
        assertThat(loveReach.ofMember(tokyo.organizationId(), ghost)).isEmpty();
    }
}
