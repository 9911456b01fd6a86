package io.firstpin.attendance;

import io.firstpin.registration.Registration;
import io.firstpin.registration.RegistrationStatus;
import java.io.Serializable;
import java.time.Instant;

/**
 * What a check-in at the door came to, for staff to read at a glance. Every attempt ends in one of these: a code of
 * another event, a waitlisted registrant or a second scan is an answer, not an error.
 *
 * @param checkedInAt when the person checked in (also for {@link Kind#ALREADY_CHECKED_IN} and {@link Kind#UNDONE})
 * @param waitlistPosition for a walk-in who found the frame full
 */
public record CheckInOutcome(Kind kind, Long registrationId, String name, String frameName, RegistrationStatus status,
        Instant checkedInAt, Integer waitlistPosition) implements Serializable {

    public enum Kind {
        CHECKED_IN,
        ALREADY_CHECKED_IN,
        /** Waitlisted, waiting for the lottery, lost it, or cancelled. */
        NOT_CONFIRMED,
        /** No registrant of this event has the code. */
        UNKNOWN_CODE,
        UNDONE,
        /** Undo of someone who had not checked in. */
        NOT_CHECKED_IN,
        /** A walk-in registered, but the frame is full: they are on the waitlist. */
        FRAME_FULL
    }

    static CheckInOutcome unknownCode() {
        return new CheckInOutcome(Kind.UNKNOWN_CODE, null, null, null, null, null, null);
    }

    static CheckInOutcome of(Kind kind, Registration registration, String frameName, Instant checkedInAt) {
        return new CheckInOutcome(kind, registration.id(), registration.name(), frameName, registration.status(),
                checkedInAt, null);
    }

    static CheckInOutcome frameFull(Registration registration, String frameName, Integer waitlistPosition) {
        return new CheckInOutcome(Kind.FRAME_FULL, registration.id(), registration.name(), frameName,
                registration.status(), null, waitlistPosition);
    }

    /** Whether the person in front of staff may go in. */
    public boolean admitted() {
        return kind == Kind.CHECKED_IN || kind == Kind.ALREADY_CHECKED_IN;
    }
}
