package io.firstpin.attendance;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.testing.MovableClock;
import io.firstpin.attendance.SelfCheckIn.Kind;
import io.firstpin.community.Communities;
import io.firstpin.event.Event;
import io.firstpin.event.Events;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.NotFoundException;
import io.firstpin.registration.Registered;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** Attendees checking themselves in with the attendance code (出席コード), with the clock in the test's hands. */
@DatabaseTest
@SpringBootTest(properties = "db-scheduler.enabled=false")
@Import(MovableClock.Config.class)
class AttendanceCodesTests {

    /** The event starts at 19:00 and ends at 21:00 (Tokyo); registration happens the day before. */
    private static final Instant STARTS_AT = Instant.parse("2030-03-02T10:00:00Z");
    private static final Instant ENDS_AT = STARTS_AT.plus(Duration.ofHours(2));

    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    Registrations registrations;
    @Autowired
    AttendanceCodes codes;
    @Autowired
    CheckInPasses passes;
    @Autowired
    MovableClock clock;
    @Autowired
    DSLContext db;

    Door door;
    Organization organization;
    Event event;

    @BeforeEach
    void aStudySessionTomorrowEvening() {
        clock.set(STARTS_AT.minus(Duration.ofDays(1)));
        door = new Door(organizations, communities, events, registrations);
        organization = door.organization();
        event = door.event(organization, STARTS_AT, 1);
    }

    private String attendanceCode() {
        return codes.current(organization.id(), event.id()).code();
    }

    private String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void theRightCodeWithinTheWindowChecksInWithMethodCode() {
        Registered seated = door.register(event, "出席 花子");
        String code = attendanceCode();
        clock.set(STARTS_AT.minus(Duration.ofMinutes(10)));

        SelfCheckIn result = codes.attend(seated.manageToken(), " " + toFullWidth(code) + " ");
        SelfCheckIn again = codes.attend(seated.manageToken(), code);

        assertThat(result.kind()).isEqualTo(Kind.CHECKED_IN);
        assertThat(result.checkedInAt()).isEqualTo(clock.instant());
        assertThat(again.kind()).isEqualTo(Kind.ALREADY_CHECKED_IN);
        assertThat(db.select(ATTENDANCE.METHOD).from(ATTENDANCE).where(ATTENDANCE.EVENT_ID.eq(event.id())).fetch(ATTENDANCE.METHOD))
                .containsExactly("CODE");
        assertThat(passes.of(seated.registration(), event).checkedInAt()).isEqualTo(result.checkedInAt());
    }

    @Test
    void theCodeIsTakenFromAnHourBeforeTheStartUntilTheEnd() {
        Registered seated = door.register(event, "時間外");
        String code = attendanceCode();

        clock.set(STARTS_AT.minus(Duration.ofMinutes(61)));
        SelfCheckIn early = codes.attend(seated.manageToken(), code);
        boolean openEarly = passes.of(seated.registration(), event).windowOpen();
        clock.set(ENDS_AT);
        SelfCheckIn late = codes.attend(seated.manageToken(), code);
        clock.set(STARTS_AT.minus(Duration.ofMinutes(60)));
        boolean openOnTime = passes.of(seated.registration(), event).windowOpen();
        SelfCheckIn onTime = codes.attend(seated.manageToken(), code);

        assertThat(early.kind()).isEqualTo(Kind.NOT_OPEN);
        assertThat(late.kind()).isEqualTo(Kind.NOT_OPEN);
        assertThat(openEarly).isFalse();
        assertThat(openOnTime).isTrue();
        assertThat(onTime.kind()).isEqualTo(Kind.CHECKED_IN);
        assertThat(codes.window(event)).isEqualTo(new AttendanceWindow(STARTS_AT.minus(Duration.ofHours(1)), ENDS_AT));
    }

    @Test
    void fiveWrongCodesLockTheRegistrationForTenMinutesEvenForTheRightCode() {
        Registered seated = door.register(event, "総当たり");
        String code = attendanceCode();
        clock.set(STARTS_AT);

        for (int left = 4; left >= 1; left--) {
            SelfCheckIn miss = codes.attend(seated.manageToken(), wrong(code));
            assertThat(miss.kind()).isEqualTo(Kind.WRONG_CODE);
            assertThat(miss.triesLeft()).isEqualTo(left);
        }
        SelfCheckIn fifth = codes.attend(seated.manageToken(), wrong(code));
        clock.advance(Duration.ofMinutes(9));
        SelfCheckIn stillLocked = codes.attend(seated.manageToken(), code);
        boolean formOffered = passes.of(seated.registration(), event).mayEnterCode();
        clock.advance(Duration.ofMinutes(1));
        SelfCheckIn afterLock = codes.attend(seated.manageToken(), code);

        assertThat(fifth.kind()).isEqualTo(Kind.LOCKED);
        assertThat(fifth.lockedUntil()).isEqualTo(STARTS_AT.plus(Duration.ofMinutes(10)));
        assertThat(stillLocked.kind()).isEqualTo(Kind.LOCKED);
        assertThat(formOffered).isFalse();
        assertThat(afterLock.kind()).isEqualTo(Kind.CHECKED_IN);
    }

    @Test
    void wrongTriesCountPerRegistrationAndASuccessStartsThemOver() {
        Registered first = door.register(event, "一人目");
        Event bigger = door.event(organization, STARTS_AT, 10);
        Registered second = door.register(bigger, "二人目");
        String code = attendanceCode();
        clock.set(STARTS_AT);

        codes.attend(first.manageToken(), wrong(code));
        codes.attend(first.manageToken(), wrong(code));
        SelfCheckIn other = codes.attend(second.manageToken(), code);

        assertThat(other.kind()).as("another event's code").isEqualTo(Kind.WRONG_CODE);
        assertThat(other.triesLeft()).isEqualTo(4);
        assertThat(codes.attend(first.manageToken(), wrong(code)).triesLeft()).isEqualTo(2);
    }

    @Test
    void onlyConfirmedRegistrationsMayUseTheCode() {
        door.register(event, "席あり");
        Registered waiting = door.register(event, "補欠");
        String code = attendanceCode();
        clock.set(STARTS_AT);

        assertThat(codes.attend(waiting.manageToken(), code).kind()).isEqualTo(Kind.NOT_CONFIRMED);
        assertThatThrownBy(() -> codes.attend("r_unknown", code)).isInstanceOf(NotFoundException.class);
        assertThat(db.fetchCount(ATTENDANCE, ATTENDANCE.EVENT_ID.eq(event.id()))).isZero();
    }

    @Test
    void theCodeIsSixDigitsStaysUntilReissuedAndTheOldOneThenFails() {
        Registered seated = door.register(event, "再発行");
        String old = attendanceCode();
        String same = attendanceCode();
        String fresh = codes.reissue(organization.id(), event.id()).code();
        clock.set(STARTS_AT);

        assertThat(old).matches("\\d{6}").isEqualTo(same);
        assertThat(attendanceCode()).isEqualTo(fresh);
        if (!fresh.equals(old)) {
            assertThat(codes.attend(seated.manageToken(), old).kind()).isEqualTo(Kind.WRONG_CODE);
        }
        assertThat(codes.attend(seated.manageToken(), fresh).kind()).isEqualTo(Kind.CHECKED_IN);
    }

    @Test
    void anotherOrganizationCannotReadTheCode() {
        Organization other = door.organization();

        assertThatThrownBy(() -> codes.current(other.id(), event.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> codes.reissue(other.id(), event.id())).isInstanceOf(NotFoundException.class);
    }

    private static String toFullWidth(String digits) {
        StringBuilder wide = new StringBuilder();
        digits.chars().forEach(c -> wide.append((char) (c - '0' + '０')));
        return wide.toString();
    }
}
