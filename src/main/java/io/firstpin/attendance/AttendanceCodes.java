package io.firstpin.attendance;

import io.firstpin.attendance.internal.AttendanceRepository;
import io.firstpin.attendance.internal.EventCodes;
import io.firstpin.attendance.internal.EventCodes.Attempts;
import io.firstpin.event.Event;
import io.firstpin.event.Events;
import io.firstpin.platform.NotFoundException;
import io.firstpin.registration.Registration;
import io.firstpin.registration.RegistrationStatus;
import io.firstpin.registration.Registrations;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendees check themselves in by typing the attendance code shown at the venue on their private registration page:
 * only confirmed registrants, only while the event's attendance window is open, and a registration that enters too
 * many wrong codes is locked for a while.
 */
@Service
public class AttendanceCodes {

    private final EventCodes codes;
    private final AttendanceRepository attendances;
    private final CheckIns checkIns;
    private final Registrations registrations;
    private final Events events;
    private final AttendanceSettings settings;
    private final Clock clock;

    AttendanceCodes(EventCodes codes, AttendanceRepository attendances, CheckIns checkIns, Registrations registrations,
            Events events, AttendanceSettings settings, Clock clock) {
        this.codes = codes;
        this.attendances = attendances;
        this.checkIns = checkIns;
        this.registrations = registrations;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** The event's code, issued the first time staff look at it. */
    @Transactional
    public AttendanceCode current(long organizationId, long eventId) {
        Event event = events.inOrganization(organizationId, eventId);
        if (codes.find(eventId).isEmpty()) {
            codes.issueIfAbsent(organizationId, eventId, AttendanceCode.generate(), clock.instant());
        }
        return codeOf(event).orElseThrow();
    }

    /** A new code, when the old one went round further than the room (e.g. posted online). */
    @Transactional
    public AttendanceCode reissue(long organizationId, long eventId) {
        Event event = events.inOrganization(organizationId, eventId);
        codes.replace(organizationId, eventId, AttendanceCode.generate(), clock.instant());
        return codeOf(event).orElseThrow();
    }

    public AttendanceWindow window(Event event) {
        return AttendanceWindow.of(event, settings);
    }

    /** Until when the registration may not try another code; null when it may. */
    public Instant lockedUntil(long registrationId) {
        Instant until = codes.attempts(registrationId).lockedUntil();
        return until != null && until.isAfter(clock.instant()) ? until : null;
    }

    /** The attendee behind the private manage link typed {@code typed}. An unknown link is not found. */
    @Transactional
    public SelfCheckIn attend(String manageToken, String typed) {
        Registration byToken = registrations.byToken(manageToken)
                .orElseThrow(() -> NotFoundException.of("registration", "with this link"));
        Registration registration = checkIns.locked(byToken.organizationId(), byToken.eventId(), byToken.id())
                .orElseThrow();
        if (registration.status() != RegistrationStatus.CONFIRMED) {
            return SelfCheckIn.of(SelfCheckIn.Kind.NOT_CONFIRMED);
        }
        var attended = attendances.findByEventIdAndMemberId(registration.eventId(), registration.memberId());
        if (attended.isPresent()) {
            return new SelfCheckIn(SelfCheckIn.Kind.ALREADY_CHECKED_IN, attended.get().checkedInAt(), null, 0);
        }
        Event event = events.find(registration.eventId()).orElseThrow();
        Instant now = clock.instant();
        if (!window(event).contains(now)) {
            return SelfCheckIn.of(SelfCheckIn.Kind.NOT_OPEN);
        }
        Attempts attempts = codes.attempts(registration.id());
        if (attempts.lockedUntil() != null && now.isBefore(attempts.lockedUntil())) {
            return new SelfCheckIn(SelfCheckIn.Kind.LOCKED, null, attempts.lockedUntil(), 0);
        }
        boolean right = codeOf(event).map(code -> code.matches(typed)).orElse(false);
        if (!right) {
            return wrong(registration.id(), attempts, now);
        }
        codes.record(registration.id(), new Attempts(0, null));
        CheckInOutcome outcome = checkIns.attempt(registration, CheckInMethod.CODE);
        return new SelfCheckIn(SelfCheckIn.Kind.CHECKED_IN, outcome.checkedInAt(), null, 0);
    }

    private SelfCheckIn wrong(long registrationId, Attempts attempts, Instant now) {
        int failures = attempts.failures() + 1;
        if (failures >= settings.maxWrongCodes()) {
            Instant until = now.plus(settings.lockout());
            codes.record(registrationId, new Attempts(0, until));
            return new SelfCheckIn(SelfCheckIn.Kind.LOCKED, null, until, 0);
        }
        codes.record(registrationId, new Attempts(failures, null));
        return new SelfCheckIn(SelfCheckIn.Kind.WRONG_CODE, null, null, settings.maxWrongCodes() - failures);
    }

    private Optional<AttendanceCode> codeOf(Event event) {
        return codes.find(event.id())
                .map(issued -> new AttendanceCode(issued.code(), issued.issuedAt(), window(event)));
    }
}
