package io.firstpin.event;

import java.time.Instant;

/** When an event takes registrations. Null ends mean: open from now on, and until the event ends. */
public record RegistrationWindow(Instant opensAt, Instant closesAt) {

    public static final RegistrationWindow UNTIL_THE_EVENT_ENDS = new RegistrationWindow(null, null);

    /** Whether a registration made at {@code now} is taken by an event that ends at {@code eventEndsAt}. */
    public boolean isOpen(Instant now, Instant eventEndsAt) {
        boolean opened = opensAt == null || !now.isBefore(opensAt);
        boolean closed = !now.isBefore(closesAt != null ? closesAt : eventEndsAt);
        return opened && !closed;
    }
}
