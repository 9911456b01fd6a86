package io.firstpin.attendance;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static io.firstpin.platform.db.Tables.ATTENDANCE_UNDO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.attendance.CheckInOutcome.Kind;
import io.firstpin.community.Communities;
import io.firstpin.event.Event;
import io.firstpin.event.Events;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.registration.Applicant;
import io.firstpin.registration.Registration;
import io.firstpin.registration.RegistrationStatus;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Check-in at the door through the services: by code, by staff, undo and walk-ins, on H2 and PostgreSQL. */
@DatabaseTest
@SpringBootTest
class CheckInsTests {

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
    CheckInPasses passes;
    @Autowired
    CheckInDesk desk;
    @Autowired
    DSLContext db;

    Door door;
    Organization organization;
    Event event;

    @BeforeEach
    void aStudySessionNextWeekWithTwoSeats() {
        door = new Door(organizations, communities, events, registrations);
        organization = door.organization();
        event = door.event(organization, Instant.now().plus(Duration.ofDays(7)), 2);
    }

    private String codeOf(Registration registration, Event of) {
        return passes.of(registration, of).code();
    }

    @Test
    void aScannedCodeChecksInOnceAndTheSecondScanSaysWhen() {
        Registration hanako = door.register(event, "博多 花子").registration();
        String code = codeOf(hanako, event);

        CheckInOutcome first = checkIns.checkInWithCode(organization.id(), event.id(), code, CheckInMethod.QR);
        CheckInOutcome second = checkIns.checkInWithCode(organization.id(), event.id(),
                " " + CheckInCode.display(code).toLowerCase(Locale.ROOT) + " ", CheckInMethod.STAFF);

        assertThat(first.kind()).isEqualTo(Kind.CHECKED_IN);
        assertThat(first.name()).isEqualTo("博多 花子");
        assertThat(first.frameName()).isEqualTo("一般枠");
        assertThat(second.kind()).isEqualTo(Kind.ALREADY_CHECKED_IN);
        assertThat(second.checkedInAt()).isEqualTo(first.checkedInAt());
        assertThat(db.select(ATTENDANCE.METHOD).from(ATTENDANCE).where(ATTENDANCE.EVENT_ID.eq(event.id())).fetch(ATTENDANCE.METHOD))
                .containsExactly("QR");
        assertThat(desk.progress(organization.id(), event.id())).isEqualTo(new CheckInDesk.Progress(1, 1));
    }

    @Test
    void theCodeStaysTheSameAndIsNotTheManageToken() {
        var registered = door.register(event, "A");
        String code = codeOf(registered.registration(), event);

        assertThat(code).matches("[A-Z2-7]{26}").isEqualTo(codeOf(registered.registration(), event));
        assertThat(registered.manageToken()).doesNotContain(code);
        assertThat(codeOf(door.register(event, "B").registration(), event)).isNotEqualTo(code);
    }

    @Test
    void codesOfAnotherEventOrOrganizationAndGarbageAreUnknown() {
        Event sameOrganization = door.event(organization, Instant.now().plus(Duration.ofDays(8)), 10);
        Organization other = door.organization();
        Event otherOrganization = door.event(other, Instant.now().plus(Duration.ofDays(7)), 10);
        String elsewhere = codeOf(door.register(sameOrganization, "別イベント").registration(), sameOrganization);
        String foreign = codeOf(door.register(otherOrganization, "他組織").registration(), otherOrganization);

        for (String code : List.of(elsewhere, foreign, "", "not a code", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")) {
            assertThat(checkIns.checkInWithCode(organization.id(), event.id(), code, CheckInMethod.QR).kind())
                    .as(code).isEqualTo(Kind.UNKNOWN_CODE);
        }
        assertThat(checkIns.checkInWithCode(other.id(), event.id(), foreign, CheckInMethod.QR).kind())
                .isEqualTo(Kind.UNKNOWN_CODE);
        assertThat(db.fetchCount(ATTENDANCE,
                ATTENDANCE.EVENT_ID.in(event.id(), sameOrganization.id(), otherOrganization.id()))).isZero();
    }

    @Test
    void aWaitlistedRegistrantIsToldApartAndNotCheckedIn() {
        door.register(event, "A");
        door.register(event, "B");
        Registration waiting = door.register(event, "補欠 三郎").registration();
        assertThat(waiting.status()).isEqualTo(RegistrationStatus.WAITLISTED);

        CheckInOutcome byList = checkIns.checkInRegistrant(organization.id(), event.id(), waiting.id());

        assertThat(byList.kind()).isEqualTo(Kind.NOT_CONFIRMED);
        assertThat(byList.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(passes.of(waiting, event)).isNull();
        assertThat(db.fetchCount(ATTENDANCE, ATTENDANCE.EVENT_ID.eq(event.id()))).isZero();
    }

    @Test
    void undoRemovesOnlyThisEventsCheckInAndKeepsARecordOfIt() {
        Registration taro = door.register(event, "太郎").registration();
        Event other = door.event(organization, Instant.now().plus(Duration.ofDays(9)), 10);
        Registration elsewhere = door.register(other, "次郎").registration();
        checkIns.checkInRegistrant(organization.id(), event.id(), taro.id());
        checkIns.checkInRegistrant(organization.id(), other.id(), elsewhere.id());

        CheckInOutcome wrongEvent = checkIns.undo(organization.id(), event.id(), elsewhere.id(), null);
        CheckInOutcome undone = checkIns.undo(organization.id(), event.id(), taro.id(), 42L);
        CheckInOutcome again = checkIns.undo(organization.id(), event.id(), taro.id(), 42L);

        assertThat(wrongEvent.kind()).isEqualTo(Kind.UNKNOWN_CODE);
        assertThat(undone.kind()).isEqualTo(Kind.UNDONE);
        assertThat(again.kind()).isEqualTo(Kind.NOT_CHECKED_IN);
        assertThat(db.select(ATTENDANCE.REGISTRATION_ID).from(ATTENDANCE).fetch(ATTENDANCE.REGISTRATION_ID))
                .contains(elsewhere.id()).doesNotContain(taro.id());
        var record = db.selectFrom(ATTENDANCE_UNDO).where(ATTENDANCE_UNDO.EVENT_ID.eq(event.id())).fetchSingle();
        assertThat(record.getRegistrationId()).isEqualTo(taro.id());
        assertThat(record.getMethod()).isEqualTo("STAFF");
        assertThat(record.getUndoneBy()).isEqualTo(42L);
        assertThat(checkIns.checkInRegistrant(organization.id(), event.id(), taro.id()).kind()).isEqualTo(Kind.CHECKED_IN);
    }

    @Test
    void aWalkInIsRegisteredAndCheckedInButAFullFrameStaysFull() {
        Applicant walkIn = new Applicant("当日 一郎", "walkin-" + System.nanoTime() + "@example.com", Locale.JAPANESE);
        String frame = String.valueOf(events.frames(event.id()).get(0).id());

        CheckInOutcome admitted = checkIns.walkIn(organization.id(), event.id(), frame, walkIn);
        door.register(event, "最後の一席");
        CheckInOutcome full = checkIns.walkIn(organization.id(), event.id(), frame,
                new Applicant("当日 二郎", "walkin2-" + System.nanoTime() + "@example.com", Locale.JAPANESE));

        assertThat(admitted.kind()).isEqualTo(Kind.CHECKED_IN);
        assertThat(db.select(ATTENDANCE.METHOD).from(ATTENDANCE).where(ATTENDANCE.EVENT_ID.eq(event.id())).fetch(ATTENDANCE.METHOD))
                .containsExactly("WALK_IN");
        assertThat(full.kind()).isEqualTo(Kind.FRAME_FULL);
        assertThat(full.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(full.waitlistPosition()).isEqualTo(1);
        assertThat(events.occupancy(event.id()).values().iterator().next().confirmed()).isEqualTo(2);
        assertThat(desk.progress(organization.id(), event.id())).isEqualTo(new CheckInDesk.Progress(1, 2));
    }

    @Test
    void aWalkInWhoAlreadyRegisteredOrGaveABadEmailIsRefusedAsWhenRegistering() {
        String frame = String.valueOf(events.frames(event.id()).get(0).id());
        Applicant once = new Applicant("二重", "twice-" + System.nanoTime() + "@example.com", Locale.JAPANESE);
        checkIns.walkIn(organization.id(), event.id(), frame, once);

        assertThatThrownBy(() -> checkIns.walkIn(organization.id(), event.id(), frame, once))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> checkIns.walkIn(organization.id(), event.id(), frame,
                new Applicant("名前", "not-an-email", Locale.JAPANESE))).isInstanceOf(InvalidInputException.class);
        assertThat(db.fetchCount(ATTENDANCE, ATTENDANCE.EVENT_ID.eq(event.id()))).isEqualTo(1);
    }

    @Test
    void simultaneousScansOfOneCodeCheckInOnce() throws Exception {
        String code = codeOf(door.register(event, "同時").registration(), event);
        int scanners = 8;
        CountDownLatch ready = new CountDownLatch(scanners);
        ExecutorService pool = Executors.newFixedThreadPool(scanners);
        try {
            List<Callable<CheckInOutcome>> scans = new ArrayList<>();
            for (int i = 0; i < scanners; i++) {
                scans.add(() -> {
                    ready.countDown();
                    ready.await();
                    return checkIns.checkInWithCode(organization.id(), event.id(), code, CheckInMethod.QR);
                });
            }
            List<Kind> kinds = new ArrayList<>();
            for (Future<CheckInOutcome> outcome : pool.invokeAll(scans)) {
                kinds.add(outcome.get().kind());
            }

            assertThat(kinds).containsOnlyOnce(Kind.CHECKED_IN)
                    .filteredOn(kind -> kind != Kind.CHECKED_IN).containsOnly(Kind.ALREADY_CHECKED_IN);
            assertThat(db.fetchCount(ATTENDANCE, ATTENDANCE.EVENT_ID.eq(event.id()))).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
