package io.firstpin.attendee;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.FirstpinApplication;
import io.firstpin.attendance.CheckIns;
import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.registration.Applicant;
import io.firstpin.registration.Registered;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The kept attendee rows under many interleavings: two application instances on one database, each applying changes on
 * its own background thread, take registrations, cancellations, first check-ins and their undoing at once, with random
 * pauses, round after round; after every round the rows must be exactly what a recount gives. The rounds are seeded:
 * a failure names the seed that replays its plan (the timing itself never replays exactly).
 */
@DatabaseTest
class AttendeeRaceTests {

    private static final int ROUNDS = Integer.getInteger("firstpin.test.attendee-race.rounds", 24);
    private static final long SEED = Long.getLong("firstpin.test.attendee-race.seed", System.nanoTime());
    private static final Instant SPRING = Instant.parse("2031-04-10T10:00:00Z");

    private static final List<ConfigurableApplicationContext> INSTANCES = new ArrayList<>();

    @BeforeAll
    static void twoInstancesOnOneDatabase() {
        Map<String, Object> database = TestDatabase.current().newDatabase();
        for (int i = 0; i < 2; i++) {
            List<String> args = new ArrayList<>(List.of("--server.port=0",
                    "--spring.jmx.enabled=false", "--spring.datasource.hikari.maximum-pool-size=24",
                    "--db-scheduler.scheduler-name=race-" + i));
            database.forEach((key, value) -> args.add("--" + key + "=" + value));
            INSTANCES.add(new SpringApplicationBuilder(FirstpinApplication.class).run(args.toArray(String[]::new)));
        }
    }

    @AfterAll
    static void stopInstances() {
        INSTANCES.forEach(ConfigurableApplicationContext::close);
        INSTANCES.clear();
    }

    @Test
    void keptRowsEqualARecountAfterEveryRoundOfConcurrentWritesOnTwoInstances() throws Exception {
        List<String> disagreements = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Random random = new Random(SEED + round);
            Round played = new Round(round, random);
            played.play();
            INSTANCES.forEach(instance -> instance.getBean(Attendees.class).catchUp());
            Recount.Comparison comparison = recount().of(played.organization.id());
            if (!comparison.agrees()) {
                disagreements.add("round " + round + " (seed " + (SEED + round) + "): " + comparison);
            }
        }
        assertThat(disagreements).as("%d of %d rounds left rows a recount does not give", disagreements.size(),
                ROUNDS).isEmpty();
    }

    private static Recount recount() {
        ConfigurableApplicationContext first = INSTANCES.get(0);
        return new Recount(first.getBean(DSLContext.class), first.getBean(Attendees.class),
                first.getBean(PlatformTransactionManager.class));
    }

    private static <T> T bean(Random random, Class<T> type) {
        return INSTANCES.get(random.nextInt(INSTANCES.size())).getBean(type);
    }

    /**
     * One round: an organization with two events, half of each one's seats taken; then, at once, newcomers register
     * (some onto the waitlist), registrants are checked in (the first check-in changes how the whole event is
     * counted) and some check-ins undone again (the last undo changes it back), and seats are cancelled (promoting the
     * waitlist, and leaving some check-ins on a cancelled registration).
     */
    private static final class Round {

        private final int number;
        private final Random random;
        private final Organization organization;
        private final List<Event> events = new ArrayList<>();
        private final List<Registered> seated = new ArrayList<>();

        Round(int number, Random random) {
            this.number = number;
            this.random = random;
            Organizations organizations = INSTANCES.get(0).getBean(Organizations.class);
            Communities communities = INSTANCES.get(0).getBean(Communities.class);
            organization = organizations.found(new Slug("race-" + number + "-" + System.nanoTime()), "競合 " + number);
            Community root = communities.start(organization.id(), new Slug("race-root-" + organization.id()),
                    CommunityProfile.of("本体", null, null, "Asia/Tokyo"), null);
            Community branch = communities.start(organization.id(), new Slug("race-branch-" + organization.id()),
                    CommunityProfile.of("支部", null, null, "Asia/Tokyo"), root.slug());
            events.add(event(branch, SPRING));
            events.add(event(root, SPRING.plus(Duration.ofDays(7))));
        }

        void play() throws Exception {
            for (int i = 0; i < 12; i++) {
                seated.add(register(events.get(i % 2), "person" + i / 2));
            }
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int newcomer = i;
                Event event = events.get(random.nextInt(2));
                tasks.add(jittered(() -> register(event, "newcomer" + newcomer)));
            }
            for (Registered registered : seated) {
                switch (random.nextInt(4)) {
                    case 0 -> tasks.add(jittered(() -> checkIn(registered)));
                    case 1 -> tasks.add(jittered(() -> {
                        checkIn(registered);
                        pause();
                        bean(random, CheckIns.class).undo(organization.id(), registered.registration().eventId(),
                                registered.registration().id(), null);
                    }));
                    case 2 -> tasks.add(jittered(() -> bean(random, Registrations.class)
                            .cancelByStaff(organization.id(), registered.registration().id())));
                    default -> tasks.add(jittered(() -> {
                        checkIn(registered);
                        pause();
                        bean(random, Registrations.class)
                                .cancelByStaff(organization.id(), registered.registration().id());
                    }));
                }
            }
            Collections.shuffle(tasks, random);
            ExecutorService pool = Executors.newFixedThreadPool(4 + random.nextInt(13));
            try {
                for (Future<Void> done : pool.invokeAll(tasks)) {
                    done.get();
                }
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(10, TimeUnit.SECONDS);
            }
        }

        private Callable<Void> jittered(Runnable work) {
            return () -> {
                pause();
                work.run();
                return null;
            };
        }

        /** A pause of up to 3 ms, different on every call, so that the writers meet in a different order each time. */
        private void pause() {
            LockSupport.parkNanos(random.nextInt(3_000_000));
        }

        private void checkIn(Registered registered) {
            bean(random, CheckIns.class).checkInRegistrant(organization.id(), registered.registration().eventId(),
                    registered.registration().id());
        }

        private Registered register(Event event, String mailbox) {
            return bean(random, Registrations.class).register(event.id(), "一般枠",
                    new Applicant(mailbox, mailbox + "-" + organization.id() + "@example.com", Locale.JAPANESE));
        }

        private Event event(Community community, Instant startsAt) {
            return INSTANCES.get(0).getBean(Events.class).plan(community, new EventDetails(
                            community.name() + " 第" + number + "回", null, EventKind.STUDY_SESSION, startsAt,
                            startsAt.plus(Duration.ofHours(2)), null, true, null, Optional.empty()), List.of(),
                    List.of(new FramePlan(null, "一般枠", 10, FrameMode.FIFO, null)), "一般枠");
        }
    }
}
