package io.firstpin.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.firstpin.identity.Actor;
import io.firstpin.identity.Role;
import io.firstpin.identity.TokenScope;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** Nomination (指名) in lottery frames: staff pick applicants who win before the draw; the rest are drawn. */
@DatabaseTest
@SpringBootTest(properties = "db-scheduler.enabled=false")
@Import(MovableClock.Config.class)
class LotteryNominationTests {

    private static final Instant NOW = Instant.parse("2030-01-10T00:00:00Z");
    private static final Instant LOTTERY_AT = Instant.parse("2030-01-20T03:00:00Z");
    private static final Instant STARTS_AT = Instant.parse("2030-02-01T10:00:00Z");
    private static final AtomicInteger ORGANIZATIONS = new AtomicInteger();
    private static final Actor LEADER = new Actor.Staff(5, "leader@example.com", false);

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

    @BeforeEach
    void beforeTheLotteryTimeWithEarlierFramesDrawn() {
        clock.set(LOTTERY_AT.plus(Duration.ofSeconds(1)));
        lotteries.drawDue();
        clock.set(NOW);
    }

    private Frame lotteryFrame(int capacity) {
        String slug = "nomination-" + ORGANIZATIONS.incrementAndGet();
        long organizationId = organizations.found(new Slug(slug), "Org " + slug).id();
        Community community = communities.start(organizationId, new Slug(slug + "-c"),
                CommunityProfile.of("Kotlin Fest", null, null, "Asia/Tokyo"), null);
        Event event = events.plan(community, new EventDetails("Kotlin勉強会 Vol.12", null, EventKind.STUDY_SESSION,
                STARTS_AT, null, null, true, null, Optional.empty()), List.of(),
                List.of(new FramePlan(null, "抽選枠", capacity, FrameMode.LOTTERY, LOTTERY_AT)), "抽選枠");
        return events.frames(event.id()).get(0);
    }

    private List<Long> apply(Frame frame, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> registrations.register(frame.eventId(), frame.name(),
                        new Applicant("Applicant " + i, "applicant" + i + "." + frame.id() + "@example.com",
                                Locale.JAPANESE)).registration().id())
                .toList();
    }

    private Nomination nominate(Frame frame, long registrationId, Actor by) {
        return lotteries.nominate(frame.organizationId(), frame.id(), registrationId, by);
    }

    private LotteryDraw draw(Frame frame) {
        clock.set(LOTTERY_AT.plus(Duration.ofSeconds(1)));
        return lotteries.drawNow(frame.organizationId(), frame.id());
    }

    private RegistrationStatus statusOf(long registrationId) {
        return registrations.find(registrationId).orElseThrow().status();
    }

    @Test
    void nomineesWinBeforeTheDrawAndTheDrawRecordsWhoNominatedThem() {
        Frame frame = lotteryFrame(3);
        List<Long> applicants = apply(frame, 10);
        Actor token = new Actor.Token(7, frame.organizationId(), TokenScope.ORGANIZATION_ADMIN, Role.ORGANIZATION_ADMIN,
                null);
        nominate(frame, applicants.get(8), LEADER);
        clock.set(NOW.plusSeconds(60));
        nominate(frame, applicants.get(2), token);

        LotteryDraw draw = draw(frame);

        assertThat(draw.nomineeIds()).containsExactly(applicants.get(8), applicants.get(2));
        assertThat(draw.nominatedBy()).containsExactly("account 5", "token 7");
        assertThat(draw.winnerIds()).hasSize(3).startsWith(applicants.get(8), applicants.get(2));
        assertThat(draw.applicantIds()).hasSize(8).doesNotContain(applicants.get(8), applicants.get(2));
        assertThat(draw.applicants()).isEqualTo(10);
        assertThat(draw.reproducible()).isTrue();
        assertThat(lotteries.drawOf(frame.organizationId(), frame.id()).orElseThrow()).isEqualTo(draw);
        assertThat(statusOf(applicants.get(8))).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(statusOf(applicants.get(2))).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(events.occupancy(frame.eventId()).get(frame.id()).confirmed()).isEqualTo(3);
    }

    @Test
    void nomineesNeverOutnumberTheFreeSeatsAndAWithdrawnNominationFreesOne() {
        Frame frame = lotteryFrame(2);
        List<Long> applicants = apply(frame, 5);
        nominate(frame, applicants.get(0), LEADER);
        nominate(frame, applicants.get(1), LEADER);
        Nomination again = nominate(frame, applicants.get(1), LEADER);

        assertThatThrownBy(() -> nominate(frame, applicants.get(2), LEADER))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("lottery.nomination.no-seat"));
        assertThat(again.registrationId()).isEqualTo(applicants.get(1));

        assertThat(lotteries.withdrawNomination(frame.organizationId(), frame.id(), applicants.get(0))).isTrue();
        nominate(frame, applicants.get(2), LEADER);

        assertThat(lotteries.nominations(frame.organizationId(), frame.id()))
                .extracting(Nomination::registrationId).containsExactly(applicants.get(1), applicants.get(2));
        assertThat(draw(frame).winnerIds()).containsExactly(applicants.get(1), applicants.get(2));
    }

    @Test
    void aCancelledNomineeTakesNoSeatAndNominatingAfterTheDrawIsRefused() {
        Frame frame = lotteryFrame(2);
        List<Long> applicants = apply(frame, 4);
        Frame elsewhere = lotteryFrame(2);
        long otherApplicant = apply(elsewhere, 1).get(0);
        nominate(frame, applicants.get(0), LEADER);
        registrations.cancelByStaff(frame.organizationId(), applicants.get(0));

        assertThatThrownBy(() -> nominate(frame, applicants.get(0), LEADER))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("lottery.nomination.not-applied"));
        assertThatThrownBy(() -> nominate(frame, otherApplicant, LEADER)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lotteries.nominate(elsewhere.organizationId(), frame.id(), applicants.get(1), LEADER))
                .isInstanceOf(NotFoundException.class);

        LotteryDraw draw = draw(frame);

        assertThat(draw.nomineeIds()).isEmpty();
        assertThat(draw.applicants()).isEqualTo(3);
        assertThatThrownBy(() -> nominate(frame, draw.waitlistIds().get(0), LEADER))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("lottery.already-drawn"));
        assertThatThrownBy(() -> lotteries.withdrawNomination(frame.organizationId(), frame.id(),
                draw.waitlistIds().get(0))).isInstanceOf(ConflictException.class);
    }

    @Test
    void aFrameRevisedToFewerSeatsThanNomineesSeatsTheEarliestNomineesOnly() {
        Frame frame = lotteryFrame(3);
        List<Long> applicants = apply(frame, 6);
        for (int i = 3; i < 6; i++) {
            clock.set(NOW.plusSeconds(i));
            nominate(frame, applicants.get(i), LEADER);
        }
        events.resize(frame.organizationId(), frame.id(), 2);

        LotteryDraw draw = draw(frame);

        assertThat(draw.winnerIds()).containsExactly(applicants.get(3), applicants.get(4));
        assertThat(draw.waitlistIds().get(0)).isEqualTo(applicants.get(5));
        assertThat(events.occupancy(frame.eventId()).get(frame.id()).confirmed()).isEqualTo(2);
    }

    /**
     * Staff nominate while the draw runs: each nomination lands either before the draw, which seats it, or after, and
     * is refused; the frame never holds more confirmed registrations than seats.
     */
    @Test
    void nominatingWhileTheDrawRunsNeverOverbooks() throws Exception {
        Frame frame = lotteryFrame(5);
        List<Long> applicants = apply(frame, 30);
        clock.set(LOTTERY_AT.plus(Duration.ofSeconds(1)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> nominations = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                long applicant = applicants.get(i);
                nominations.add(pool.submit(() -> {
                    start.await();
                    try {
                        return nominate(frame, applicant, LEADER);
                    } catch (ConflictException refused) {
                        return refused.code();
                    }
                }));
            }
            Future<LotteryDraw> drawing = pool.submit(() -> {
                start.await();
                return lotteries.drawNow(frame.organizationId(), frame.id());
            });
            start.countDown();

            LotteryDraw draw = drawing.get();
            List<Long> accepted = new ArrayList<>();
            for (Future<Object> nomination : nominations) {
                Object outcome = nomination.get();
                if (outcome instanceof Nomination accepted1) {
                    accepted.add(accepted1.registrationId());
                } else {
                    assertThat(outcome).isIn("lottery.already-drawn", "lottery.nomination.no-seat");
                }
            }

            assertThat(accepted).hasSizeLessThanOrEqualTo(5);
            assertThat(draw.nomineeIds()).containsExactlyInAnyOrderElementsOf(accepted);
            assertThat(draw.winnerIds()).containsAll(accepted);
            assertThat(draw.reproducible()).isTrue();
            assertThat(events.occupancy(frame.eventId()).get(frame.id()).confirmed()).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }
}
