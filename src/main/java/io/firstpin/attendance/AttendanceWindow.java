package io.firstpin.attendance;

import io.firstpin.event.Event;
import java.time.Instant;

/** When the attendance code of an event is taken: from a while before it starts until it ends. */
public record AttendanceWindow(Instant opensAt, Instant closesAt) {

    static AttendanceWindow of(Event event, AttendanceSettings settings) {
        return new AttendanceWindow(event.startsAt().minus(settings.codeOpensBeforeStart()),
                event.endsAt().plus(settings.codeClosesAfterEnd()));
    }

    public boolean contains(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
