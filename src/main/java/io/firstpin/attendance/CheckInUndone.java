package io.firstpin.attendance;

/** A check-in made by mistake was taken back: registered by {@link Attendance#undo()}, published when deleted. */
public record CheckInUndone(long eventId, long memberId) {
}
