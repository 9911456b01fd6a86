package io.firstpin.attendance;

import java.io.Serializable;
import java.time.Instant;

/**
 * What an attendee's try with the attendance code came to.
 *
 * @param checkedInAt when they checked in, for {@link Kind#CHECKED_IN} and {@link Kind#ALREADY_CHECKED_IN}
 * @param lockedUntil for {@link Kind#LOCKED}
 * @param triesLeft for {@link Kind#WRONG_CODE}: wrong codes left before the registration is locked
 */
public record SelfCheckIn(Kind kind, Instant checkedInAt, Instant lockedUntil, int triesLeft)
        implements Serializable {

    public enum Kind {
        CHECKED_IN,
        ALREADY_CHECKED_IN,
        NOT_CONFIRMED,
        /** Outside the event's attendance window. */
        NOT_OPEN,
        WRONG_CODE,
        /** Too many wrong codes: wait until {@code lockedUntil}. */
        LOCKED
    }

    static SelfCheckIn of(Kind kind) {
        return new SelfCheckIn(kind, null, null, 0);
    }

    public boolean success() {
        return kind == Kind.CHECKED_IN || kind == Kind.ALREADY_CHECKED_IN;
    }
}
