package io.firstpin.event;

import java.time.Instant;

/** When an event takes registrations. Null ends mean: open from now on, and until the event ends. */
public record RegistrationWindow(Instant opensAt, Instant closesAt) {

    public static final RegistrationWindow UNTIL_THE_EVENT_ENDS = new RegistrationWindow(null, null);
}
