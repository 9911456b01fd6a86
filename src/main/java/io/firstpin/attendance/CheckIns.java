package io.firstpin.attendance;

import io.firstpin.attendance.internal.AttendanceRepository;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.registration.Registration;
import io.firstpin.registration.RegistrationStatus;
import io.firstpin.registration.Registrations;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Checks people in. Checking in twice is harmless: the first check-in stands. */
@Service
public class CheckIns {

    private final AttendanceRepository attendances;
    private final Registrations registrations;
    private final Clock clock;

    CheckIns(AttendanceRepository attendances, Registrations registrations, Clock clock) {
        this.attendances = attendances;
        this.registrations = registrations;
        this.clock = clock;
    }

    /** Checks in a confirmed registrant of the event. */
    @Transactional
    public CheckInResult checkIn(long organizationId, long eventId, long registrationId, CheckInMethod method) {
        Registration registration = registrations.inOrganization(organizationId, registrationId);
        if (registration.eventId() != eventId) {
            throw NotFoundException.of("registration", registrationId);
        }
        if (registration.status() != RegistrationStatus.CONFIRMED) {
            throw new ConflictException("registrationId", "checkin.not-confirmed");
        }
        var existing = attendances.findByEventIdAndMemberId(eventId, registration.memberId());
        if (existing.isPresent()) {
            return new CheckInResult(existing.get(), false);
        }
        try {
            return new CheckInResult(attendances.save(Attendance.checkIn(organizationId, eventId,
                    registration.memberId(), registration.id(), method, clock.instant())), true);
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("registrationId", "checkin.already");
        }
    }

    /** {@code created} is false when the person had already checked in. */
    public record CheckInResult(Attendance attendance, boolean created) {
    }
}
