package io.firstpin.attendance;

import io.firstpin.attendance.internal.AttendanceRepository;
import io.firstpin.platform.web.QrSvg;
import io.firstpin.event.Event;
import io.firstpin.registration.CheckInPassCodes;
import io.firstpin.registration.Registration;
import io.firstpin.registration.RegistrationStatus;
import io.firstpin.registration.Registrations;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A confirmed registrant's check-in QR code. The code is given to a registration the first time its QR is shown, so
 * registering stays as it is and registrations that never get a seat never get a code.
 */
@Service
public class CheckInPasses {

    private final CheckInPassCodes passCodes;
    private final AttendanceRepository attendances;
    private final AttendanceCodes attendanceCodes;
    private final Registrations registrations;
    private final Clock clock;

    CheckInPasses(CheckInPassCodes passCodes, AttendanceRepository attendances, AttendanceCodes attendanceCodes,
            Registrations registrations, Clock clock) {
        this.passCodes = passCodes;
        this.attendances = attendances;
        this.attendanceCodes = attendanceCodes;
        this.registrations = registrations;
        this.clock = clock;
    }

    /** The pass of a confirmed registration of the event; null otherwise, so no QR is shown. */
    @Transactional
    public CheckInPass of(Registration registration, Event event) {
        if (registration.status() != RegistrationStatus.CONFIRMED || registration.eventId() != event.id()) {
            return null;
        }
        String code = codeOf(registration);
        AttendanceWindow window = attendanceCodes.window(event);
        var checkedInAt = attendances.findByEventIdAndMemberId(event.id(), registration.memberId())
                .map(Attendance::checkedInAt).orElse(null);
        return new CheckInPass(code, QrSvg.of(code), checkedInAt, window, window.contains(clock.instant()),
                attendanceCodes.lockedUntil(registration.id()));
    }

    /** The QR code, as an SVG document, of the confirmed registration behind the private link. */
    @Transactional
    public Optional<String> svg(String manageToken) {
        return registrations.byToken(manageToken)
                .filter(r -> r.status() == RegistrationStatus.CONFIRMED)
                .map(r -> QrSvg.of(codeOf(r)));
    }

    private String codeOf(Registration registration) {
        return passCodes.codeOf(registration.id())
                .orElseGet(() -> passCodes.assignIfAbsent(registration.id(), CheckInCode.generate()));
    }
}
