package io.firstpin.registration;

import static io.firstpin.platform.db.Tables.LOTTERY_DRAW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.Slug;
import io.firstpin.registration.RegistrationChanged.Change;
import io.firstpin.registration.internal.LotteryDraws;
import io.firstpin.testing.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Lottery frames through the services, with the application's clock in the test's hands. The scheduler is off: here
 * the tests decide when a draw runs.
 */
@DatabaseTest
@SpringBootTest(properties = "db-scheduler.enabled=false")
@Import(MovableClock.Config.class)
@RecordApplicationEvents
class LotteryDrawTests {

    private static final Instant NOW = Instant.parse("2030-01-10T00:00:00Z");
    private static final Instant LOTTERY_AT = Instant.parse("2030-01-20T03:00:00Z");
    private static final Instant STARTS_AT = Instant.parse("2030-02-01T10:00:00Z");
    private static final AtomicInteger ORGANIZATIONS = new AtomicInteger();

    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    Registrations registrations;
    @Autowired
    RegistrantActions registrant;
    @Autowired
    Lotteries lotteries;
    @Autowired
    MovableClock clock;
    @Autowired
    LotteryDraws draws;
    @Autowired
    DSLContext db;
    @Autowired
    ApplicationEvents published;
    @Autowired
    FrameChoices frameChoices;

    /** Every test starts before the lottery time, with the frames of earlier tests drawn and out of the way. */
    @BeforeEach
    void beforeTheLotteryTime() {
        afterTheLotteryTime();
        lotteries.drawDue();
        clock.set(NOW);
    }

    /** A study session with one lottery frame (null capacity: unlimited) drawn at {@link #LOTTERY_AT}. */
    private Frame lotteryFrame(Integer capacity) {
        String slug = "lottery-" + ORGANIZATIONS.incrementAndGet();
        long organizationId = organizations.found(new Slug(slug), "Org " + slug).id();
        Community community = communities.start(organizationId, new Slug(slug + "-c"),
                CommunityProfile.of("JAWS-UG 東京", null, null, "Asia/Tokyo"), null);
        Event event = events.plan(community, new EventDetails("JAWS-UG 東京 #50", null, EventKind.STUDY_SESSION,
                STARTS_AT, null, null, true, null, Optional.empty()), List.of(),
                List.of(new FramePlan(null, "抽選枠", capacity, FrameMode.LOTTERY, LOTTERY_AT)), "抽選枠");
        return events.frames(event.id()).get(0);
    }

    private List<Registered> apply(Frame frame, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> register(frame, "Applicant " + i))
                .toList();
    }

    private Registered register(Frame frame, String name) {
        return registrations.register(frame.eventId(), frame.name(),
                new Applicant(name, name.replace(' ', '.').toLowerCase(Locale.ROOT) + "." + frame.id() + "@example.com",
                        Locale.ENGLISH));
    }

    private Registration reload(Registered registered) {
        return registrations.find(registered.registration().id()).orElseThrow();
    }

    private Registration reload(long id) {
        return registrations.find(id).orElseThrow();
    }

    private LotteryDraw drawNow(Frame frame) {
        return lotteries.drawNow(frame.organizationId(), frame.id());
    }

    @Test
    void anApplicantSeesWhenTheLotteryIsDrawnAndOnceDrawnWhetherTheyWonNotThatItIsPending() {
        Frame frame = lotteryFrame(1);
        List<Registered> applied = apply(frame, 2);

        FrameChoices.LotteryState before = frameChoices.lotteryOf(reload(applied.get(0)));
        afterTheLotteryTime();
        LotteryDraw draw = drawNow(frame);
        List<FrameChoices.LotteryState> after = applied.stream().map(a -> frameChoices.lotteryOf(reload(a))).toList();

        assertThat(before.lotteryAt()).isEqualTo(LOTTERY_AT);
        assertThat(before.drawn()).isFalse();
        assertThat(after).allSatisfy(state -> assertThat(state.drawnAt()).isEqualTo(draw.drawnAt()));
        assertThat(after).extracting(FrameChoices.LotteryState::won).containsExactlyInAnyOrder(true, false);
        assertThat(frameChoices.of(frame.eventId())).singleElement()
                .satisfies(choice -> assertThat(choice.drawAt()).as("drawn: no draw time left to announce").isNull())
                .satisfies(choice -> assertThat(choice.full()).isTrue());
    }

    private void afterTheLotteryTime() {
        clock.set(LOTTERY_AT.plus(Duration.ofSeconds(1)));
    }

    @Test
    void applicationsStayAppliedUntilTheDraw() {
        Frame frame = lotteryFrame(3);

        List<Registered> applied = apply(frame, 5);

        assertThat(applied).extracting(r -> r.registration().status()).containsOnly(RegistrationStatus.APPLIED);
        assertThat(applied).extracting(Registered::waitlistPosition).containsOnlyNulls();
        assertThat(events.occupancy(frame.eventId()).get(frame.id()).applied()).isEqualTo(5);
    }

    @Test
    void theDrawConfirmsNoMoreThanTheCapacityAndWaitlistsTheOthersInDrawnOrder() {
        Frame frame = lotteryFrame(3);
        List<Registered> applied = apply(frame, 10);
        afterTheLotteryTime();
        published.clear();

        assertThat(lotteries.drawDue()).isEqualTo(1);

        LotteryDraw draw = lotteries.drawOf(frame.organizationId(), frame.id()).orElseThrow();
        assertThat(draw.applicantIds()).isEqualTo(applied.stream().map(r -> r.registration().id()).sorted().toList());
        assertThat(draw.winners()).isEqualTo(3);
        assertThat(draw.drawOrder()).isEqualTo(Lottery.shuffle(draw.seed(), draw.applicantIds()));
        assertThat(draw.drawnAt()).isEqualTo(clock.instant());
        assertThat(draw.winnerIds()).allSatisfy(id ->
                assertThat(reload(id).status()).isEqualTo(RegistrationStatus.CONFIRMED));
        List<Integer> positions = draw.waitlistIds().stream()
                .map(id -> registrations.positionOf(reload(id)))
                .toList();
        assertThat(positions).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(events.occupancy(frame.eventId()).get(frame.id()))
                .satisfies(counts -> {
                    assertThat(counts.confirmed()).isEqualTo(3);
                    assertThat(counts.waitlisted()).isEqualTo(7);
                    assertThat(counts.applied()).isZero();
                });
        assertThat(published.stream(RegistrationChanged.class))
                .extracting(RegistrationChanged::registrationId, RegistrationChanged::change)
                .containsExactlyElementsOf(draw.drawOrder().stream()
                        .map(id -> tuple(id,
                                draw.winnerIds().contains(id) ? Change.CONFIRMED : Change.WAITLISTED))
                        .toList());
    }

    @Test
    void afterTheDrawTheFrameIsFirstComeFirstServedAndCancellationsPromoteInDrawnOrder() {
        Frame roomy = lotteryFrame(5);
        apply(roomy, 3);
        Frame full = lotteryFrame(2);
        apply(full, 4);
        afterTheLotteryTime();
        lotteries.drawDue();

        assertThat(register(roomy, "Late 1").registration().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(register(roomy, "Late 2").registration().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        Registered third = register(roomy, "Late 3");
        assertThat(third.registration().status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(third.waitlistPosition()).isEqualTo(1);

        LotteryDraw draw = lotteries.drawOf(full.organizationId(), full.id()).orElseThrow();
        Registered late = register(full, "Late");
        assertThat(late.registration().status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(late.waitlistPosition()).isEqualTo(3);

        registrations.cancelByStaff(full.organizationId(), draw.winnerIds().get(0));

        assertThat(reload(draw.waitlistIds().get(0)).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(registrations.positionOf(reload(draw.waitlistIds().get(1)))).isEqualTo(1);
        assertThat(registrations.positionOf(reload(late))).isEqualTo(2);
    }

    @Test
    void whoAppliesAfterTheLotteryTimeButBeforeTheDrawTakesPartInIt() {
        Frame frame = lotteryFrame(1);
        Registered early = register(frame, "Early");
        afterTheLotteryTime();

        Registered late = register(frame, "Late");

        assertThat(late.registration().status()).isEqualTo(RegistrationStatus.APPLIED);
        assertThat(reload(early).status()).isEqualTo(RegistrationStatus.APPLIED);
        LotteryDraw draw = drawNow(frame);
        assertThat(draw.applicantIds()).containsExactly(early.registration().id(), late.registration().id());
    }

    @Test
    void cancellingBeforeTheDrawFreesNoSeatAndLeavesTheCancelledOutOfTheDraw() {
        Frame frame = lotteryFrame(1);
        Registered leaving = register(frame, "Leaving");
        Registered staying = register(frame, "Staying");
        Registered alsoStaying = register(frame, "Also staying");

        registrant.cancelWithToken(leaving.registration().id(), leaving.manageToken());
        assertThat(registrations.promoteWaiting(frame.id())).isZero();
        afterTheLotteryTime();
        assertThat(registrations.promoteWaiting(frame.id())).isZero();

        assertThat(reload(staying).status()).isEqualTo(RegistrationStatus.APPLIED);
        assertThat(reload(alsoStaying).status()).isEqualTo(RegistrationStatus.APPLIED);
        assertThat(drawNow(frame).applicantIds())
                .containsExactly(staying.registration().id(), alsoStaying.registration().id());
        assertThat(reload(leaving).status()).isEqualTo(RegistrationStatus.CANCELLED);
    }

    @Test
    void anUnlimitedLotteryFrameConfirmsEveryApplicant() {
        Frame frame = lotteryFrame(null);
        apply(frame, 4);
        afterTheLotteryTime();

        LotteryDraw draw = drawNow(frame);

        assertThat(draw.winners()).isEqualTo(4);
        assertThat(draw.waitlistIds()).isEmpty();
        assertThat(events.occupancy(frame.eventId()).get(frame.id()).confirmed()).isEqualTo(4);
    }

    @Test
    void aFrameWithoutApplicantsIsDrawnTooAndThenTakesRegistrationsFirstComeFirstServed() {
        Frame frame = lotteryFrame(1);
        afterTheLotteryTime();

        assertThat(drawNow(frame).applicants()).isZero();

        assertThat(register(frame, "First").registration().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(register(frame, "Second").registration().status()).isEqualTo(RegistrationStatus.WAITLISTED);
    }

    @Test
    void aFrameIsNotDrawnBeforeItsLotteryTimeNorTwice() {
        Frame frame = lotteryFrame(2);
        apply(frame, 3);

        assertThat(lotteries.drawDue()).isZero();
        assertThatThrownBy(() -> drawNow(frame))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("lottery.not-yet"));
        assertThat(lotteries.drawOf(frame.organizationId(), frame.id())).isEmpty();

        afterTheLotteryTime();
        drawNow(frame);

        assertThatThrownBy(() -> drawNow(frame)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("lottery.already-drawn"));
        assertThat(lotteries.drawDue()).isZero();
        assertThat(db.fetchCount(LOTTERY_DRAW, LOTTERY_DRAW.FRAME_ID.eq(frame.id()))).isEqualTo(1);
    }

    @Test
    void anotherOrganizationNeitherDrawsNorSeesADraw() {
        Frame frame = lotteryFrame(2);
        Frame elsewhere = lotteryFrame(2);
        afterTheLotteryTime();
        drawNow(frame);

        assertThatThrownBy(() -> lotteries.drawOf(elsewhere.organizationId(), frame.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lotteries.drawNow(elsewhere.organizationId(), frame.id()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void twoConcurrentDrawsOfOneFrameRecordOneDraw() throws Exception {
        Frame byStaff = lotteryFrame(3);
        apply(byStaff, 8);
        Frame bySchedulers = lotteryFrame(3);
        apply(bySchedulers, 8);
        afterTheLotteryTime();

        List<Object> staffOutcomes = twice(() -> {
            try {
                return drawNow(byStaff);
            } catch (ConflictException refused) {
                return refused.code();
            }
        });
        List<Object> schedulerOutcomes = twice(() -> lotteries.drawDue());

        assertThat(staffOutcomes).filteredOn(LotteryDraw.class::isInstance).hasSize(1);
        assertThat(staffOutcomes).filteredOn("lottery.already-drawn"::equals).hasSize(1);
        assertThat(schedulerOutcomes.stream().mapToInt(o -> (Integer) o).sum()).isEqualTo(1);
        for (Frame frame : List.of(byStaff, bySchedulers)) {
            assertThat(db.fetchCount(LOTTERY_DRAW, LOTTERY_DRAW.FRAME_ID.eq(frame.id()))).isEqualTo(1);
            assertThat(events.occupancy(frame.eventId()).get(frame.id()))
                    .satisfies(counts -> {
                        assertThat(counts.confirmed()).isEqualTo(3);
                        assertThat(counts.waitlisted()).isEqualTo(5);
                    });
            LotteryDraw draw = lotteries.drawOf(frame.organizationId(), frame.id()).orElseThrow();
            assertThat(draw.waitlistIds().stream().map(id -> registrations.positionOf(reload(id))).toList())
                    .containsExactly(1, 2, 3, 4, 5);
        }
    }

    /** The last line of defence, should two draws ever get past the frame's lock. */
    @Test
    void theDatabaseRefusesASecondRecordedDrawOfAFrame() {
        Frame frame = lotteryFrame(1);
        draws.add(LotteryDraw.draw(frame.organizationId(), frame.id(), 1L, List.of(), 1, NOW));

        assertThatThrownBy(() -> draws.add(LotteryDraw.draw(frame.organizationId(), frame.id(), 2L, List.of(), 1, NOW)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(lotteries.drawOf(frame.organizationId(), frame.id())).map(LotteryDraw::seed).contains(1L);
    }

    /** Runs the task on two threads released at the same moment. */
    private static List<Object> twice(Callable<Object> task) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> run : runs) {
                outcomes.add(run.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
