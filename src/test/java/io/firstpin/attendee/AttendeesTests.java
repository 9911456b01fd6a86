package io.firstpin.attendee;

import static io.firstpin.platform.db.Tables.ATTENDEE;
import static io.firstpin.platform.db.Tables.ATTENDEE_WALK;
import static io.firstpin.platform.db.Tables.ATTENDEE_CHANGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.attendance.CheckInOutcome;
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
import io.firstpin.event.RegistrationWindow;
import io.firstpin.member.MemberMerge;
import io.firstpin.member.EmailProofs;
import io.firstpin.member.MemberMerges;
import io.firstpin.member.Members;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.registration.Applicant;
import io.firstpin.registration.Registered;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The kept attendee rows against the one oracle there is: counting them again from the whole history. Every kind of
 * write that changes who counts, or how a member's attendances follow each other in a scope, goes through the
 * services that make it, and the rows must then be exactly what a recount gives.
 */
@DatabaseTest
@SpringBootTest
class AttendeesTests {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Instant SPRING = Instant.parse("2030-04-10T10:00:00Z");

    @Autowired
    Organizations organizations;

    @Autowired
    Communities communities;

    @Autowired
    Events events;

    @Autowired
    Registrations registrations;

    @Autowired
    CheckIns checkIns;

    @Autowired
    Members members;

    @Autowired
    MemberMerges merges;

    @Autowired
    EmailProofs emailProofs;

    @Autowired
    Attendees attendees;

    @Autowired
    DSLContext db;

    @Autowired
    PlatformTransactionManager transactions;

    Organization organization;
    Community jaws;
    Community tokyo;
    Community osaka;

    @BeforeEach
    void anOrganizationWithARootAndTwoBranches() {
        organization = organizations.found(new Slug("attendees-" + NEXT.incrementAndGet() + "-" + System.nanoTime()),
                "出席の組織");
        jaws = community("JAWS-UG", null);
        tokyo = community("JAWS-UG 東京", jaws);
        osaka = community("JAWS-UG 大阪", null);
    }

    @Test
    void confirmedRegistrantsCountUntilTheFirstCheckInAndAgainOnceTheLastIsUndone() {
        Event study = event(tokyo, SPRING, 3);
        Registered hanako = register(study, "花子");
        register(study, "太郎");
        register(study, "次郎");
        register(study, "待ち子");

        assertThat(attendeesOf(study)).isEqualTo(3);
        checkIn(study, hanako);
        assertThat(attendeesOf(study)).isEqualTo(1);
        checkIns.undo(organization.id(), study.id(), hanako.registration().id(), null);
        assertThat(attendeesOf(study)).isEqualTo(3);
        assertKeptRowsAreARecount();
    }

    @Test
    void aCancelledSeatLeavesTheCountAndThePromotedRegistrantJoinsIt() {
        Event study = event(tokyo, SPRING, 2);
        Registered hanako = register(study, "花子");
        Registered taro = register(study, "太郎");
        Registered waiting = register(study, "待ち子");
        assertThat(waiting.waitlistPosition()).isEqualTo(1);

        registrations.cancelByStaff(organization.id(), hanako.registration().id());
        attendees.catchUp();

        assertThat(db.select(ATTENDEE.MEMBER_ID).from(ATTENDEE).where(ATTENDEE.EVENT_ID.eq(study.id()))
                .fetch(ATTENDEE.MEMBER_ID)).containsExactlyInAnyOrder(memberOf(taro), memberOf(waiting));
        assertKeptRowsAreARecount();
    }

    @Test
    void aTransactionStartedInsideAnotherKeepsItsChangesWhenTheOuterOneRollsBack() {
        Event outerStudy = event(tokyo, SPRING, 5);
        Event innerStudy = event(tokyo, SPRING.plus(Duration.ofDays(7)), 5);
        TransactionTemplate outer = new TransactionTemplate(transactions);
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        outer.executeWithoutResult(status -> {
            register(outerStudy, "外側");
            inner.executeWithoutResult(nested -> register(innerStudy, "内側"));
            status.setRollbackOnly();
        });

        assertThat(attendeesOf(outerStudy)).isZero();
        assertThat(attendeesOf(innerStudy)).isEqualTo(1);
        assertKeptRowsAreARecount();
    }

    @Test
    void aChangeLeftRecordedIsAppliedByTheNextReader() {
        Event study = event(tokyo, SPRING, 5);
        long hanako = memberOf(register(study, "花子"));
        attendees.catchUp();
        // as if the refresh after her registration's commit had failed
        db.deleteFrom(ATTENDEE_WALK).where(ATTENDEE_WALK.MEMBER_ID.eq(hanako)).execute();
        db.deleteFrom(ATTENDEE).where(ATTENDEE.MEMBER_ID.eq(hanako)).execute();
        db.insertInto(ATTENDEE_CHANGE, ATTENDEE_CHANGE.KIND, ATTENDEE_CHANGE.SUBJECT_ID, ATTENDEE_CHANGE.MEMBER_ID)
                .values("ATTENDANCE", study.id(), hanako).execute();

        attendees.catchUp();

        assertThat(attendeesOf(study)).isEqualTo(1);
        // Tokyo alone, Tokyo with its branches, JAWS-UG with its branches
        assertThat(db.fetchCount(ATTENDEE_WALK, ATTENDEE_WALK.MEMBER_ID.eq(hanako))).isEqualTo(3);
        assertThat(db.fetchCount(ATTENDEE_CHANGE)).isZero();
        assertKeptRowsAreARecount();
    }

    @Test
    void walksFollowEveryKindOfChange() {
        Event first = event(tokyo, SPRING, 10);
        Event second = event(jaws, SPRING.plus(Duration.ofDays(30)), 10);
        Event third = event(tokyo, SPRING.plus(Duration.ofDays(60)), 10);
        Event elsewhere = event(osaka, SPRING.plus(Duration.ofDays(45)), 10);
        List<Registered> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            people.add(register(first, "参加者 " + i, "person" + i));
        }
        for (int i = 2; i < 8; i++) {
            people.add(register(second, "参加者 " + i, "person" + i));
        }
        register(third, "参加者 1", "person1");
        register(third, "参加者 9", "person9");
        register(elsewhere, "参加者 1", "person1");
        assertKeptRowsAreARecount();

        checkIn(first, people.get(0));
        checkIn(first, people.get(2));
        assertKeptRowsAreARecount();

        long staff = memberOf(people.get(2));
        members.markStaff(organization.id(), staff, true);
        attendees.catchUp();
        assertThat(db.fetchCount(ATTENDEE_WALK, ATTENDEE_WALK.MEMBER_ID.eq(staff))).isZero();
        assertKeptRowsAreARecount();
        members.markStaff(organization.id(), staff, false);
        assertKeptRowsAreARecount();

        MemberMerge merge = merges.merge(organization.id(), memberOf(people.get(0)), memberOf(people.get(7)));
        assertKeptRowsAreARecount();
        merges.undo(organization.id(), merge.id());
        assertKeptRowsAreARecount();

        // the third event moves before the first: every attendee's walk through Tokyo and JAWS-UG changes order
        Instant earlier = SPRING.minus(Duration.ofDays(10));
        events.revise(organization.id(), third.id(), details(tokyo, earlier), List.of(),
                events.frames(third.id()).stream().map(f -> new FramePlan(f.id(), f.name(), f.capacity(), f.mode(),
                        f.lotteryAt())).toList(), RegistrationWindow.UNTIL_THE_EVENT_ENDS);
        assertKeptRowsAreARecount();

        // Osaka becomes a branch of JAWS-UG: its attendees now walk through the JAWS-UG tree too
        communities.describe(organization.id(), osaka.slug(), CommunityProfile.of(osaka.name(), null, null,
                "Asia/Tokyo"), jaws.slug());
        attendees.catchUp();
        assertThat(db.fetchCount(ATTENDEE_WALK, ATTENDEE_WALK.EVENT_ID.eq(elsewhere.id())
                .and(ATTENDEE_WALK.SCOPE_ID.eq(jaws.id())).and(ATTENDEE_WALK.BRANCHES.isTrue()))).isEqualTo(1);
        assertKeptRowsAreARecount();
    }

    @Test
    void aPublicRegistrationUnderAKnownEmailCountsApartUntilProvenThenMovesLikeAMerge() {
        Event first = event(tokyo, SPRING, 10);
        Event second = event(tokyo, SPRING.plus(Duration.ofDays(30)), 10);
        Registered known = register(first, "本人", "owner");
        checkIn(first, known);
        String email = "owner-" + organization.id() + "@example.com";

        Registered typed = registrations.register(second.id(), "一般枠", new Applicant("本人", email, Locale.JAPANESE),
                Map.of());
        checkIn(second, typed);
        assertKeptRowsAreARecount();
        long provisional = memberOf(typed);
        assertThat(provisional).isNotEqualTo(memberOf(known));
        attendees.catchUp();
        assertThat(db.fetchCount(ATTENDEE_WALK, ATTENDEE_WALK.MEMBER_ID.eq(memberOf(known))
                .and(ATTENDEE_WALK.EVENT_ID.eq(second.id())))).as("the owner's walk has no second event yet").isZero();

        EmailProofs.Proven proven = emailProofs.prove(organization.id(), provisional);

        assertThat(proven).isEqualTo(new EmailProofs.Proven(memberOf(known), true));
        assertThat(registrations.find(typed.registration().id()).orElseThrow().memberId()).isEqualTo(memberOf(known));
        assertKeptRowsAreARecount();
        attendees.catchUp();
        assertThat(db.fetchCount(ATTENDEE_WALK, ATTENDEE_WALK.MEMBER_ID.eq(memberOf(known))
                .and(ATTENDEE_WALK.EVENT_ID.eq(second.id())))).as("now the owner's second attendance").isPositive();
        assertThat(db.fetchCount(ATTENDEE_WALK, ATTENDEE_WALK.MEMBER_ID.eq(provisional))).isZero();
    }

    @Test
    void concurrentRegistrationsCancellationsAndCheckInsLeaveTheRowsARecountGives() throws Exception {
        List<Event> held = List.of(event(tokyo, SPRING, 20), event(tokyo, SPRING.plus(Duration.ofDays(7)), 20),
                event(jaws, SPRING.plus(Duration.ofDays(14)), 20));
        List<Registered> registered = concurrently(IntStream.range(0, 90).<Callable<Registered>>mapToObj(i -> () ->
                register(held.get(i % 3), "参加者 " + i % 40, "rush" + i % 40)).toList());
        concurrently(IntStream.range(0, registered.size()).<Callable<Boolean>>mapToObj(i -> () -> {
            Registered r = registered.get(i);
            Event event = held.stream().filter(e -> e.id() == r.registration().eventId()).findFirst().orElseThrow();
            if (i % 5 == 0) {
                registrations.cancelByStaff(organization.id(), r.registration().id());
            } else if (i % 3 == 0 && r.waitlistPosition() == null) {
                checkIn(event, r);
            }
            return true;
        }).toList());

        assertKeptRowsAreARecount();
    }

    private void assertKeptRowsAreARecount() {
        Recount.Comparison comparison = new Recount(db, attendees, transactions).of(organization.id());
        assertThat(comparison.kept()).isEqualTo(comparison.recounted());
    }

    private int attendeesOf(Event event) {
        attendees.catchUp();
        return db.fetchCount(ATTENDEE, ATTENDEE.EVENT_ID.eq(event.id()));
    }

    private long memberOf(Registered registered) {
        return registered.registration().memberId();
    }

    private Community community(String name, Community parent) {
        return communities.start(organization.id(), new Slug("c-" + NEXT.incrementAndGet() + "-" + System.nanoTime()),
                CommunityProfile.of(name, null, null, "Asia/Tokyo"), parent == null ? null : parent.slug());
    }

    private Event event(Community community, Instant startsAt, int seats) {
        return events.plan(community, details(community, startsAt), List.of(),
                List.of(new FramePlan(null, "一般枠", seats, FrameMode.FIFO, null)), "一般枠");
    }

    private static EventDetails details(Community community, Instant startsAt) {
        return new EventDetails(community.name() + " の勉強会", null, EventKind.STUDY_SESSION, startsAt,
                startsAt.plus(Duration.ofHours(2)), null, true, null, Optional.empty());
    }

    private Registered register(Event event, String name) {
        return register(event, name, "p" + NEXT.incrementAndGet() + "-" + System.nanoTime());
    }

    private Registered register(Event event, String name, String mailbox) {
        return registrations.register(event.id(), "一般枠",
                new Applicant(name, mailbox + "-" + organization.id() + "@example.com", Locale.JAPANESE));
    }

    private void checkIn(Event event, Registered registered) {
        CheckInOutcome outcome = checkIns.checkInRegistrant(organization.id(), event.id(),
                registered.registration().id());
        assertThat(outcome.kind()).isEqualTo(CheckInOutcome.Kind.CHECKED_IN);
    }

    private static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
