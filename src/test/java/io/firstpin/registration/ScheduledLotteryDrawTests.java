package io.firstpin.registration;

import static io.firstpin.platform.db.Tables.SCHEDULED_TASKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firstpin.testing.MovableClock;
import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.event.Frame;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/** The recurring db-scheduler task draws a lottery frame soon after its lottery time, without anyone asking. */
@DatabaseTest
@SpringBootTest(properties = {"firstpin.lottery.poll-interval=200ms", "db-scheduler.polling-interval=100ms"})
@Import(MovableClock.Config.class)
@DirtiesContext
class ScheduledLotteryDrawTests {

    private static final Instant LOTTERY_AT = Instant.parse("2030-01-20T03:00:00Z");

    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    Registrations registrations;
    @Autowired
    Lotteries lotteries;
    @Autowired
    MovableClock clock;
    @Autowired
    DSLContext db;

    @Test
    void aLotteryFrameIsDrawnByTheSchedulerOnceItsLotteryTimeHasPassed() {
        clock.set(LOTTERY_AT.minus(Duration.ofDays(10)));
        long organizationId = organizations.found(new Slug("scheduled-lottery"), "Org").id();
        Community community = communities.start(organizationId, new Slug("scheduled-lottery-c"),
                CommunityProfile.of("JAWS-UG 札幌", null, null, "Asia/Tokyo"), null);
        Event event = events.plan(community, new EventDetails("JAWS-UG 札幌 #20", null, EventKind.STUDY_SESSION,
                Instant.parse("2030-02-01T10:00:00Z"), null, null, true, null, Optional.empty()), List.of(),
                List.of(new FramePlan(null, "抽選枠", 2, FrameMode.LOTTERY, LOTTERY_AT)), "抽選枠");
        Frame frame = events.frames(event.id()).get(0);
        List<Long> applicants = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> registrations.register(event.id(), "抽選枠",
                        new Applicant("Applicant " + i, "applicant" + i + "@example.com", Locale.ENGLISH)))
                .map(registered -> registered.registration().id())
                .toList();
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                .until(() -> lotteries.drawOf(organizationId, frame.id()).isEmpty());

        clock.set(LOTTERY_AT.plusSeconds(1));

        LotteryDraw draw = await().atMost(Duration.ofSeconds(30))
                .until(() -> lotteries.drawOf(organizationId, frame.id()), Optional::isPresent).orElseThrow();
        assertThat(draw.applicantIds()).isEqualTo(applicants);
        assertThat(draw.winners()).isEqualTo(2);
        assertThat(draw.reproducible()).isTrue();
        assertThat(draw.winnerIds()).allSatisfy(id -> assertThat(registrations.find(id).orElseThrow().status())
                .isEqualTo(RegistrationStatus.CONFIRMED));
        assertThat(draw.waitlistIds()).allSatisfy(id -> assertThat(registrations.find(id).orElseThrow().status())
                .isEqualTo(RegistrationStatus.WAITLISTED));
        assertThat(db.fetchExists(SCHEDULED_TASKS, SCHEDULED_TASKS.TASK_NAME.eq("lottery-draw"))).isTrue();
    }
}
