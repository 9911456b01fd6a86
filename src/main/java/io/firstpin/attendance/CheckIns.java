package io.firstpin.attendance;

import io.firstpin.attendance.CheckInOutcome.Kind;
import io.firstpin.attendance.internal.AttendanceRepository;
import io.firstpin.attendance.internal.UndoLog;
import io.firstpin.event.Events;
import io.firstpin.event.Frame;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.registration.Applicant;
import io.firstpin.registration.CheckInPassCodes;
import io.firstpin.registration.Registered;
import io.firstpin.registration.Registration;
import io.firstpin.registration.RegistrationStatus;
import io.firstpin.registration.Registrations;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks people in: by their QR code, by staff picking them from the list, or as walk-ins. Checking in twice is
 * harmless: the first check-in stands. Every check-in of a registrant first locks the registration's row, so
 * simultaneous scans of one QR code are decided one after the other.
 */
@Service
public class CheckIns {

    private final AttendanceRepository attendances;
    private final CheckInPassCodes passCodes;
    private final UndoLog undoLog;
    private final Registrations registrations;
    private final Events events;
    private final Clock clock;

    CheckIns(AttendanceRepository attendances, CheckInPassCodes passCodes, UndoLog undoLog, Registrations registrations,
            Events events, Clock clock) {
        this.attendances = attendances;
        this.passCodes = passCodes;
        this.undoLog = undoLog;
        this.registrations = registrations;
        this.events = events;
        this.clock = clock;
    }

    /** Checks in a confirmed registrant of the event; for the API, which answers 404 and 409 for the failures. */
    @Transactional
    public CheckInResult checkIn(long organizationId, long eventId, long registrationId, CheckInMethod method) {
        Registration registration = locked(organizationId, eventId, registrationId)
                .orElseThrow(() -> NotFoundException.of("registration", registrationId));
        if (registration.status() != RegistrationStatus.CONFIRMED) {
            throw new ConflictException("registrationId", "checkin.not-confirmed");
        }
        return admit(registration, method);
    }

    /** Staff found the registrant in the list and checked them in. */
    @Transactional
    public CheckInOutcome checkInRegistrant(long organizationId, long eventId, long registrationId) {
        return locked(organizationId, eventId, registrationId)
                .map(registration -> attempt(registration, CheckInMethod.STAFF))
                .orElseGet(CheckInOutcome::unknownCode);
    }

    /**
     * Checks in whoever holds the code: scanned from their QR ({@link CheckInMethod#QR}) or typed by staff
     * ({@link CheckInMethod#STAFF}). A code of another event or organization is unknown here.
     */
    @Transactional
    public CheckInOutcome checkInWithCode(long organizationId, long eventId, String code, CheckInMethod method) {
        return CheckInCode.parse(code)
                .flatMap(parsed -> passCodes.registrationWithCode(organizationId, eventId, parsed))
                .flatMap(registrationId -> locked(organizationId, eventId, registrationId))
                .map(registration -> attempt(registration, method))
                .orElseGet(CheckInOutcome::unknownCode);
    }

    /**
     * Someone came without registering. They register like anyone else, so the frame's capacity holds: when it is full
     * they join the waitlist and staff are told so (raising the capacity confirms them, then they can be checked in).
     * Invalid names or emails, a closed registration and an email already registered fail as they do when
     * registering.
     */
    @Transactional
    public CheckInOutcome walkIn(long organizationId, long eventId, String frame, Applicant applicant) {
        events.inOrganization(organizationId, eventId);
        Registered registered = registrations.register(eventId, frame, applicant);
        Registration registration = registered.registration();
        if (registration.status() == RegistrationStatus.WAITLISTED) {
            return CheckInOutcome.frameFull(registration, frameName(registration), registered.waitlistPosition());
        }
        return locked(organizationId, eventId, registration.id())
                .map(seated -> attempt(seated, CheckInMethod.WALK_IN))
                .orElseThrow();
    }

    /**
     * Takes back a check-in staff made by mistake. Only this event's check-in of this registrant goes; what it was,
     * who undid it and when stays in the undo log.
     */
    @Transactional
    public CheckInOutcome undo(long organizationId, long eventId, long registrationId, Long staffAccountId) {
        Optional<Registration> found = locked(organizationId, eventId, registrationId);
        if (found.isEmpty()) {
            return CheckInOutcome.unknownCode();
        }
        Registration registration = found.get();
        Optional<Attendance> attendance = attendances.findByEventIdAndMemberId(eventId, registration.memberId())
                .filter(a -> a.organizationId() == organizationId);
        if (attendance.isEmpty()) {
            return CheckInOutcome.of(Kind.NOT_CHECKED_IN, registration, frameName(registration), null);
        }
        attendances.delete(attendance.get().undo());
        undoLog.record(organizationId, attendance.get(), staffAccountId, clock.instant());
        return CheckInOutcome.of(Kind.UNDONE, registration, frameName(registration), attendance.get().checkedInAt());
    }

    /** Caller holds the registration's lock. */
    CheckInOutcome attempt(Registration registration, CheckInMethod method) {
        if (registration.status() != RegistrationStatus.CONFIRMED) {
            return CheckInOutcome.of(Kind.NOT_CONFIRMED, registration, frameName(registration), null);
        }
        CheckInResult result = admit(registration, method);
        return CheckInOutcome.of(result.created() ? Kind.CHECKED_IN : Kind.ALREADY_CHECKED_IN, registration,
                frameName(registration), result.attendance().checkedInAt());
    }

    /** Locks the registration's row and reads it as it stands now; empty when it is not one of the event's. */
    Optional<Registration> locked(long organizationId, long eventId, long registrationId) {
        return passCodes.lockForCheckIn(organizationId, eventId, registrationId).flatMap(registrations::find);
    }

    /** Caller holds the registration's lock and has checked that it is confirmed. */
    private CheckInResult admit(Registration registration, CheckInMethod method) {
        var existing = attendances.findByEventIdAndMemberId(registration.eventId(), registration.memberId());
        if (existing.isPresent()) {
            return new CheckInResult(existing.get(), false);
        }
        // to the microsecond, as the database keeps it, so the time answered now is the time shown later
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return new CheckInResult(attendances.save(Attendance.checkIn(registration.organizationId(),
                registration.eventId(), registration.memberId(), registration.id(), method, now)), true);
    }

    private String frameName(Registration registration) {
        return events.frame(registration.frameId()).map(Frame::name).orElse("");
    }

    /** {@code created} is false when the person had already checked in. */
    public record CheckInResult(Attendance attendance, boolean created) {
    }
}
