package io.firstpin.registration;

/**
 * Published inside the transaction that changed a registration's standing, for whoever tells the registrant
 * (confirmation, waitlist, promotion, cancellation). {@code manageToken} is only known right after registering;
 * {@code waitlistPosition} is given when the publisher already knows it, so listeners need not ask again while the
 * frame is locked.
 */
public record RegistrationChanged(long registrationId, long eventId, Change change, String manageToken,
        Integer waitlistPosition) {

    public RegistrationChanged(long registrationId, long eventId, Change change, String manageToken) {
        this(registrationId, eventId, change, manageToken, null);
    }

    public enum Change {
        CONFIRMED,
        WAITLISTED,
        APPLIED,
        PROMOTED,
        CANCELLED
    }
}
