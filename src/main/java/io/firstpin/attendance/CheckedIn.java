package io.firstpin.attendance;

/** A member was checked in at an event: registered by the {@link Attendance} aggregate, published when it is saved. */
public record CheckedIn(long eventId, long memberId) {
}
