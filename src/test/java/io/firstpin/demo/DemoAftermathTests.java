package io.firstpin.demo;

import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.LEADER_ROLE;
import static io.firstpin.platform.db.Tables.MEMBER_AUDIENCE;
import static io.firstpin.platform.db.Tables.MEMBER_FEED;
import static io.firstpin.platform.db.Tables.OUTPUT;
import static io.firstpin.platform.db.Tables.OUTPUT_LINK;
import static io.firstpin.platform.db.Tables.REGISTRATION;
import static io.firstpin.platform.db.Tables.SURVEY_RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.insight.LadderReport;
import io.firstpin.insight.Ladder;
import io.firstpin.insight.LadderStep;
import io.firstpin.insight.LoveAndReach;
import io.firstpin.insight.LoveReach;
import io.firstpin.insight.Period;
import io.firstpin.member.MergeReason;
import io.firstpin.member.MergeSuggestions;
import io.firstpin.survey.SpeakerPipeline;
import io.firstpin.survey.SurveySummary;
import io.firstpin.survey.Surveys;
import io.firstpin.testing.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestConstructor;

/** The method's pages have something to show on the demo: outputs, surveys, reach, leaders, sub-events, duplicates. */
@DatabaseTest
// a context of its own: the checks read whole tables and must see only what the generator wrote
@SpringBootTest(properties = "firstpin.test.context=demo-aftermath")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoAftermathTests {

    static final Instant NOW = Instant.parse("2025-06-01T03:00:00Z");
    static final OffsetDateTime NOW_AT = NOW.atOffset(ZoneOffset.UTC);
    static final DemoSize SIZE = DemoSize.of(800, 80);
    static final Period WHOLE_HISTORY = new Period(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 6, 1));

    private final DemoDataGenerator generator;
    private final DSLContext db;
    private final Communities communities;
    private final Ladder ladder;
    private final LoveReach loveReach;
    private final Surveys surveys;
    private final SpeakerPipeline speakers;
    private final MergeSuggestions suggestions;

    private DemoSummary summary;
    private DemoFacts facts;

    DemoAftermathTests(DemoDataGenerator generator, DSLContext db, Communities communities, Ladder ladder,
            LoveReach loveReach, Surveys surveys, SpeakerPipeline speakers, MergeSuggestions suggestions) {
        this.generator = generator;
        this.db = db;
        this.communities = communities;
        this.ladder = ladder;
        this.loveReach = loveReach;
        this.surveys = surveys;
        this.speakers = speakers;
        this.suggestions = suggestions;
    }

    @BeforeAll
    void generate() {
        summary = generator.generate(SIZE, 7, NOW);
        facts = new DemoFacts(db, NOW_AT);
    }

    private Community root() {
        return communities.inOrganization(facts.organizationId, "jaws-ug");
    }

    @Test
    void pastEventsHaveOutputsFromSeveralAuthorsMostWithinAWeekAfterTheEvent() {
        assertThat(summary.outputs()).isEqualTo(db.fetchCount(OUTPUT, OUTPUT.ORGANIZATION_ID.eq(facts.organizationId)))
                .isGreaterThan(SIZE.events());
        var rows = db.select(OUTPUT.KIND, OUTPUT.SOURCE, OUTPUT.PUBLISHED_AT, EVENT.ENDS_AT, EVENT.PARENT_EVENT_ID)
                .from(OUTPUT).join(OUTPUT_LINK).on(OUTPUT_LINK.OUTPUT_ID.eq(OUTPUT.ID))
                .join(EVENT).on(EVENT.ID.eq(OUTPUT_LINK.EVENT_ID))
                .where(OUTPUT.ORGANIZATION_ID.eq(facts.organizationId)).fetch();
        assertThat(rows).hasSize(summary.outputs());
        assertThat(rows).extracting(r -> r.value1()).contains("BLOG", "SLIDE", "MEDIA");
        assertThat(rows).extracting(r -> r.value2()).contains("FEED", "SUBMITTED", "AGENDA", "STAFF");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.value3()).isBeforeOrEqualTo(NOW_AT);
            assertThat(r.value5()).as("no output reports on an after-party").isNull();
        });
        List<Long> reportDays = rows.stream().filter(r -> !"AGENDA".equals(r.value2()))
                .map(r -> Duration.between(r.value4(), r.value3()).toDays()).toList();
        assertThat(reportDays).allMatch(days -> days >= 0 && days <= 31);
        assertThat(reportDays.stream().filter(days -> days < 7).count()).isGreaterThan(reportDays.size() * 7L / 10);
        assertThat(summary.feeds()).isPositive()
                .isEqualTo(db.fetchCount(MEMBER_FEED, MEMBER_FEED.ORGANIZATION_ID.eq(facts.organizationId)));
        assertThat(db.fetchCount(MEMBER_FEED, MEMBER_FEED.NEXT_POLL_AT.le(OffsetDateTime.now(ZoneOffset.UTC))))
                .as("no demo feed is due for reading").isZero();
    }

    @Test
    void theLadderHasManyOutputAuthors() {
        LadderReport report = ladder.of(root(), true, WHOLE_HISTORY);

        assertThat(report.rung(LadderStep.OUTPUT_AUTHOR).members()).isGreaterThan(10);
        assertThat(report.rung(LadderStep.ORGANIZER).members()).isGreaterThan(1);
    }

    @Test
    void mostPastEventsHaveASurveyWithANumberForNps() {
        List<Long> counted = facts.pastEvents.stream()
                .filter(e -> !"AFTER_PARTY".equals(e.kind()) && !e.attendees().isEmpty())
                .map(DemoFacts.PastEvent::id).toList();
        Map<Long, SurveySummary> summaries = surveys.summariesOf(facts.organizationId, counted);
        List<SurveySummary> answered = summaries.values().stream().filter(s -> s.responses() > 0).toList();

        assertThat(answered.size()).isGreaterThan(counted.size() * 7 / 10);
        assertThat(answered).allSatisfy(s -> assertThat(s.nps()).isNotNull());
        assertThat(answered.stream().map(SurveySummary::nps).distinct().count()).as("events differ").isGreaterThan(5);
        int responses = answered.stream().mapToInt(SurveySummary::responses).sum();
        int promoters = answered.stream().mapToInt(SurveySummary::promoters).sum();
        int detractors = answered.stream().mapToInt(SurveySummary::detractors).sum();
        assertThat(promoters).isGreaterThan(detractors).isLessThan(responses * 8 / 10);
        assertThat(detractors).isPositive();
        assertThat(summary.surveyAnswers()).isEqualTo(responses);
    }

    @Test
    void answersAreGivenOnAttendeesRegistrationsSomeAnonymouslySomeVolunteeringForAnLt() {
        var answers = db.select(SURVEY_RESPONSE.MEMBER_ID, SURVEY_RESPONSE.EVENT_ID, SURVEY_RESPONSE.ANONYMOUS,
                        REGISTRATION.MEMBER_ID, REGISTRATION.EVENT_ID)
                .from(SURVEY_RESPONSE).join(REGISTRATION).on(REGISTRATION.ID.eq(SURVEY_RESPONSE.REGISTRATION_ID))
                .where(SURVEY_RESPONSE.ORGANIZATION_ID.eq(facts.organizationId)).fetch();
        Map<Long, Set<Long>> attendees = new HashMap<>();
        facts.pastEvents.forEach(e -> attendees.put(e.id(), e.attendees()));

        assertThat(answers).allSatisfy(a -> {
            assertThat(a.value1()).isEqualTo(a.value4());
            assertThat(a.value2()).isEqualTo(a.value5());
            assertThat(attendees.get(a.value2())).contains(a.value1());
        });
        assertThat(answers).anyMatch(a -> a.value3()).anyMatch(a -> !a.value3());
        assertThat(speakers.volunteers(facts.organizationId)).anyMatch(v -> v.wantsToSpeak());
    }

    @Test
    void loveAndReachHasPointsFansAndInfluencers() {
        LoveAndReach standings = loveReach.of(root(), true, WHOLE_HISTORY);

        assertThat(standings.placed()).hasSizeGreaterThan(20);
        assertThat(summary.audiences())
                .isEqualTo(db.fetchCount(MEMBER_AUDIENCE, MEMBER_AUDIENCE.ORGANIZATION_ID.eq(facts.organizationId)));
        assertThat(standings.placed().stream().map(LoveAndReach.Standing::quadrant).distinct().count())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void afterPartiesAreSubEventsOfTheirStudySessionInTheSameCommunity() {
        var parties = db.select(EVENT.ID, EVENT.COMMUNITY_ID, EVENT.STARTS_AT, EVENT.PARENT_EVENT_ID)
                .from(EVENT).where(EVENT.ORGANIZATION_ID.eq(facts.organizationId)).and(EVENT.KIND.eq("AFTER_PARTY"))
                .fetch();
        var parents = db.select(EVENT.ID, EVENT.COMMUNITY_ID, EVENT.KIND, EVENT.ENDS_AT, EVENT.PARENT_EVENT_ID)
                .from(EVENT).where(EVENT.ORGANIZATION_ID.eq(facts.organizationId)).fetchMap(EVENT.ID);

        assertThat(parties).isNotEmpty().allSatisfy(party -> {
            var parent = parents.get(party.value4());
            assertThat(parent).isNotNull();
            assertThat(parent.value2()).isEqualTo(party.value2());
            assertThat(parent.value3()).isEqualTo("STUDY_SESSION");
            assertThat(parent.value5()).isNull();
            assertThat(party.value3()).isAfterOrEqualTo(parent.value4().minusHours(1));
        });
        assertThat(db.fetchCount(EVENT, EVENT.ORGANIZATION_ID.eq(facts.organizationId)
                .and(EVENT.PARENT_EVENT_ID.isNotNull()))).isEqualTo(parties.size());
    }

    @Test
    void leadersRotateOverTheYears() {
        var roles = db.select(LEADER_ROLE.COMMUNITY_ID, LEADER_ROLE.MEMBER_ID, LEADER_ROLE.STARTED_ON,
                LEADER_ROLE.ENDED_ON).from(LEADER_ROLE).where(LEADER_ROLE.ORGANIZATION_ID.eq(facts.organizationId))
                .fetch();
        var ended = roles.stream().filter(r -> r.value4() != null).toList();

        assertThat(ended).hasSizeGreaterThan(2);
        assertThat(ended).allSatisfy(past -> assertThat(roles).anyMatch(r -> r.value1().equals(past.value1())
                && !r.value2().equals(past.value2()) && r.value3().equals(past.value4().plusDays(1))));
    }

    @Test
    void aFewPeopleAreKnownTwiceAndSuggestedForAMerge() {
        var page = suggestions.page(facts.organizationId, 0, 200);
        // the second account writes the name differently; pairs of one spelling are namesakes the cast drew by chance
        List<String> spelledDifferently = new ArrayList<>();
        page.suggestions().stream().filter(s -> s.reasons().contains(MergeReason.SAME_EMAIL_NAME))
                .filter(s -> !s.first().displayName().equals(s.second().displayName()))
                .forEach(s -> spelledDifferently.add(s.first().displayName() + " / " + s.second().displayName()));

        assertThat(spelledDifferently).hasSizeGreaterThanOrEqualTo(DemoDuplicates.count(SIZE.members()));
    }
}
