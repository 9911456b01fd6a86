package io.firstpin.registration;

/**
 * A registration moved to another status, or was made: registered by the {@link Registration} aggregate itself and
 * published when it is saved, so that whatever path saved it, followers of who attends (the attendee rows) hear of it
 * inside the same transaction.
 */
public record RegistrationStatusChanged(long eventId, long memberId, RegistrationStatus status) {
}
