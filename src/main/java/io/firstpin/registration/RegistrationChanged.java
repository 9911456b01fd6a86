package io.firstpin.registration;

/**
 * Published inside the transaction that changed a registration's standing, for whoever tells the registrant
 * (confirmation, waitlist, promotion, cancellation). {@code manageToken} is only known right after registering.
 */
public record RegistrationChanged(long registrationId, long eventId, Change change, String manageToken) {

    public enum Change {
        CONFIRMED,
        WAITLISTED,
        APPLIED,
        PROMOTED,
        CANCELLED
    }
}
