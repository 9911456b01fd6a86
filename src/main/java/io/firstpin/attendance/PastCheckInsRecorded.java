package io.firstpin.attendance;

/** An import wrote any number of an event's check-ins in bulk, in the publishing transaction. */
public record PastCheckInsRecorded(long eventId) {
}
