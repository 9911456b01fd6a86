package io.firstpin.event;

import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.REMINDER_ROUND;
import static io.firstpin.platform.db.Tables.SURVEY_ROUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.testing.CommunityHistory;
import io.firstpin.testing.CommunityHistory.Held;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The once-per-event round runner on two real round tables, shaped as their owners use them: one row per event (the
 * survey email's table) and one row per event, kind and start (the reminders' table). Each test holds its events in
 * hours of its own, and the runs are given those hours, so no other event is due.
 */
@DatabaseTest
@SpringBootTest(properties = "db-scheduler.enabled=false")
class EventRoundsTests {

    private static final EventRound ONCE_AFTER_THE_END = EventRound.of("Test round", SURVEY_ROUND.EVENT_ID,
            SURVEY_ROUND.DONE_AT, SURVEY_ROUND.RECIPIENTS).withOrganization(SURVEY_ROUND.ORGANIZATION_ID);
    private static final EventRound FIRST_BEFORE_THE_START = perStart("RECONFIRMATION_REQUEST");
    private static final EventRound THEN_BEFORE_THE_START = perStart("RECONFIRMATION_DEADLINE")
            .after(FIRST_BEFORE_THE_START);

    @Autowired
    EventRounds rounds;
    @Autowired
    DSLContext db;
    @Autowired
    ApplicationContext context;

    private static EventRound perStart(String kind) {
        return EventRound.of("Test round " + kind, REMINDER_ROUND.EVENT_ID, REMINDER_ROUND.DONE_AT,
                REMINDER_ROUND.RECIPIENTS).perStart(REMINDER_ROUND.EVENT_STARTS_AT).kind(REMINDER_ROUND.KIND, kind);
    }

    private CommunityHistory history() {
        return TestTenant.found(context, "rounds", "Rounds UG").history();
    }

    private Integer recorded(long eventId) {
        return db.select(SURVEY_ROUND.RECIPIENTS).from(SURVEY_ROUND).where(SURVEY_ROUND.EVENT_ID.eq(eventId))
                .fetchOne(SURVEY_ROUND.RECIPIENTS);
    }

    @Test
    void aRoundRunsOnceForEachEventEndedInTheWindowEarliestFirstAndRecordsHowManyItReached() {
        CommunityHistory history = history();
        Held early = history.onlineEventAt("2061-01-10T19:00");
        Held late = history.onlineEventAt("2061-01-10T20:00");
        Held outside = history.onlineEventAt("2061-01-11T19:00");
        List<Long> sentFor = new CopyOnWriteArrayList<>();
        Instant after = early.startsAt();
        Instant by = late.startsAt().plus(Duration.ofHours(2));
        EventRounds.Sender sender = (event, now) -> {
            sentFor.add(event.id());
            return 2;
        };

        int first = rounds.runForEventsEnded(ONCE_AFTER_THE_END, after, by, sender);
        int second = rounds.runForEventsEnded(ONCE_AFTER_THE_END, after, by, sender);

        assertThat(first).isEqualTo(4);
        assertThat(second).isZero();
        assertThat(sentFor).containsExactly(early.id(), late.id());
        assertThat(recorded(early.id())).isEqualTo(2);
        assertThat(recorded(outside.id())).isNull();
    }

    @Test
    void aRoundClaimedByOneOfTwoConcurrentRunnersIsSentOnce() throws Exception {
        Held meetup = history().onlineEventAt("2061-02-10T19:00");
        Instant after = meetup.startsAt();
        Instant by = meetup.startsAt().plus(Duration.ofHours(3));
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> sentBy = new CopyOnWriteArrayList<>();
        ExecutorService runners = Executors.newFixedThreadPool(2);

        CompletableFuture<Integer> holding = CompletableFuture.supplyAsync(() ->
                rounds.runForEventsEnded(ONCE_AFTER_THE_END, after, by, (event, now) -> {
                    sentBy.add("first");
                    claimed.countDown();
                    await(release);
                    return 3;
                }), runners);
        await(claimed);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() ->
                rounds.runForEventsEnded(ONCE_AFTER_THE_END, after, by, (event, now) -> {
                    sentBy.add("second");
                    return 3;
                }), runners);
        // time for the second runner to find the event due and wait on the first one's claim
        Thread.sleep(500);
        release.countDown();

        assertThat(holding.get(30, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(second.get(30, TimeUnit.SECONDS)).isZero();
        runners.shutdown();
        assertThat(sentBy).containsExactly("first");
        assertThat(recorded(meetup.id())).isEqualTo(3);
    }

    @Test
    void aRoundWhoseSendingFailsIsNotRecordedAndRunsAgain() {
        Held meetup = history().onlineEventAt("2061-03-10T19:00");
        Instant after = meetup.startsAt();
        Instant by = meetup.startsAt().plus(Duration.ofHours(3));

        assertThatThrownBy(() -> rounds.runForEventsEnded(ONCE_AFTER_THE_END, after, by, (event, now) -> {
            throw new IllegalStateException("the mail template is broken");
        })).hasMessage("the mail template is broken");
        Integer afterTheFailure = recorded(meetup.id());
        int again = rounds.runForEventsEnded(ONCE_AFTER_THE_END, after, by, (event, now) -> 5);

        assertThat(afterTheFailure).isNull();
        assertThat(again).isEqualTo(5);
        assertThat(recorded(meetup.id())).isEqualTo(5);
    }

    @Test
    void aRoundPerStartRunsAgainForARescheduledEventAndARoundAfterAnotherWaitsForItAtTheSameStart() {
        Held meetup = history().onlineEventAt("2061-04-10T19:00");
        Instant start = meetup.startsAt();
        Instant moved = start.plus(Duration.ofDays(1));
        Instant after = start.minus(Duration.ofHours(1));
        Instant by = moved.plus(Duration.ofHours(1));

        int thenBeforeTheFirst = rounds.runForEventsStarting(THEN_BEFORE_THE_START, after, by, (event, now) -> 1);
        int first = rounds.runForEventsStarting(FIRST_BEFORE_THE_START, after, by, (event, now) -> 1);
        int firstAgain = rounds.runForEventsStarting(FIRST_BEFORE_THE_START, after, by, (event, now) -> 1);
        int then = rounds.runForEventsStarting(THEN_BEFORE_THE_START, after, by, (event, now) -> 1);
        db.update(EVENT).set(EVENT.STARTS_AT, moved.atOffset(ZoneOffset.UTC))
                .set(EVENT.ENDS_AT, moved.plus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC))
                .where(EVENT.ID.eq(meetup.id())).execute();
        int thenAfterTheMoveBeforeTheFirst = rounds.runForEventsStarting(THEN_BEFORE_THE_START, after, by,
                (event, now) -> 1);
        int firstAfterTheMove = rounds.runForEventsStarting(FIRST_BEFORE_THE_START, after, by, (event, now) -> 1);

        assertThat(List.of(thenBeforeTheFirst, first, firstAgain, then)).containsExactly(0, 1, 0, 1);
        assertThat(List.of(thenAfterTheMoveBeforeTheFirst, firstAfterTheMove)).containsExactly(0, 1);
        assertThat(db.select(REMINDER_ROUND.KIND, REMINDER_ROUND.EVENT_STARTS_AT).from(REMINDER_ROUND)
                .where(REMINDER_ROUND.EVENT_ID.eq(meetup.id()))
                .fetch(row -> row.value1() + "@" + row.value2().toInstant()))
                .containsExactlyInAnyOrder("RECONFIRMATION_REQUEST@" + start, "RECONFIRMATION_DEADLINE@" + start,
                        "RECONFIRMATION_REQUEST@" + moved);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
