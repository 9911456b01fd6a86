package io.firstpin.registration;

/** An import wrote or updated any number of an event's registrations in bulk, in the publishing transaction. */
public record PastRegistrationsRecorded(long eventId) {
}
