package io.firstpin.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.insight.MemberTimeline.Kind;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.test.context.SpringBootTest;

/** Members' timelines and ladder steps over {@link LadderHistory}. */
@DatabaseTest
@SpringBootTest
class MemberTimelinesTests {

    @Autowired
    MemberTimelines timelines;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;


    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    DSLContext db;

    LadderHistory story;

    @BeforeEach
    void aCommunityWhoseLadderIsKnown() {
        String slug = "activity-" + System.nanoTime();
        Organization organization = organizations.found(new Slug(slug), "Activity");
        Community tokyo = communities.start(organization.id(), new Slug(slug + "-tokyo"),
                CommunityProfile.of("JAWS-UG 東京", null, null, "Asia/Tokyo"), null);
        story = new LadderHistory(db, communities, events, tokyo);
        story.t3.surveyAnsweredBy(story.a, 9, false, "named comment");
        story.t5.surveyAnsweredBy(story.a, 3, true, "secret comment");
    }

    @Test
    void theTimelineHasEveryKindOfActivityNewestFirstAndNoAnonymousAnswer() {
        MemberTimeline timeline = timelines.of(story.tokyo.organizationId(), story.a);

        assertThat(timeline.total()).isEqualTo(13);
        assertThat(timeline.items()).extracting(MemberTimeline.Item::kind).containsExactly(
                Kind.BECAME_LEADER, Kind.ATTENDED, Kind.SPOKE, Kind.REGISTERED,
                Kind.ANSWERED_SURVEY, Kind.ATTENDED, Kind.SPOKE, Kind.REGISTERED,
                Kind.WROTE, Kind.ATTENDED, Kind.REGISTERED,
                Kind.ATTENDED, Kind.REGISTERED);
        assertThat(timeline.items().get(0).at()).isEqualTo(Instant.parse("2025-09-30T15:00:00Z"));
        assertThat(timeline.items()).filteredOn(i -> i.kind() == Kind.SPOKE)
                .extracting(MemberTimeline.Item::eventId, MemberTimeline.Item::code)
                .containsExactly(tuple(story.t5.id(), "CASE_STUDY"), tuple(story.t3.id(), "LIGHTNING_TALK"));
        assertThat(timeline.items()).filteredOn(i -> i.kind() == Kind.ANSWERED_SURVEY)
                .extracting(MemberTimeline.Item::eventId, MemberTimeline.Item::text)
                .containsExactly(tuple(story.t3.id(), "9"));
        assertThat(timeline.items()).filteredOn(i -> i.kind() == Kind.WROTE)
                .extracting(MemberTimeline.Item::url).containsExactly("https://blog.example.jp/a-t1");
    }

    @Test
    void theStepIsTheHighestReachedInEachCommunityOnItsOwn() {
        MemberTimeline a = timelines.of(story.tokyo.organizationId(), story.a);
        MemberTimeline d = timelines.of(story.tokyo.organizationId(), story.d);
        MemberTimeline e = timelines.of(story.tokyo.organizationId(), story.e);

        assertThat(a.steps()).extracting(MemberTimeline.CommunityStep::name, MemberTimeline.CommunityStep::step,
                        MemberTimeline.CommunityStep::eventsAttended)
                .containsExactly(tuple("JAWS-UG 大阪", LadderStep.CASE_STUDY_SPEAKER, 1),
                        tuple("JAWS-UG 東京", LadderStep.ORGANIZER, 3));
        assertThat(d.steps()).extracting(MemberTimeline.CommunityStep::name, MemberTimeline.CommunityStep::step)
                .containsExactly(tuple("JAWS-UG 大阪", LadderStep.ATTENDEE),
                        tuple("JAWS-UG 東京", LadderStep.OUTPUT_AUTHOR));
        assertThat(e.steps()).extracting(MemberTimeline.CommunityStep::step).containsExactly(LadderStep.ATTENDEE);
    }

    @Test
    void anEventWithoutCheckInsCountsTheConfirmedRegistrationAsAttendance() {
        MemberTimeline d = timelines.of(story.tokyo.organizationId(), story.d);

        assertThat(d.items()).filteredOn(i -> i.kind() == Kind.ATTENDED)
                .extracting(MemberTimeline.Item::title, MemberTimeline.Item::code)
                .containsExactly(tuple("JAWS-UG 東京 2026-01-20T19:00", null),
                        tuple("JAWS-UG 大阪 2025-03-10T19:00", "by-registration"));
        assertThat(d.items()).filteredOn(i -> i.kind() == Kind.REGISTERED).extracting(MemberTimeline.Item::code)
                .containsExactly("CONFIRMED", "CONFIRMED", "CONFIRMED");
    }

    @Test
    void aLongHistoryShowsTheNewestItemsAndCountsThemAll() {
        long regular = story.history.member("Regular");
        for (int day = 1; day <= 60; day++) {
            story.history.eventAt(String.format("2024-%02d-%02dT19:00", (day - 1) / 28 + 1, (day - 1) % 28 + 1),
                    "JP-13", "渋谷区").checkedIn(regular);
        }

        MemberTimeline timeline = timelines.of(story.tokyo.organizationId(), regular);

        assertThat(timeline.total()).isEqualTo(120);
        assertThat(timeline.items()).hasSize(MemberTimelines.SHOWN);
        assertThat(timeline.items().get(0).title()).isEqualTo("JAWS-UG 東京 2024-03-04T19:00");
        assertThat(timeline.steps()).extracting(MemberTimeline.CommunityStep::step,
                        MemberTimeline.CommunityStep::eventsAttended)
                .containsExactly(tuple(LadderStep.REPEATER, 60));
    }
}
