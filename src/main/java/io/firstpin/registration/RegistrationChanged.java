package io.firstpin.registration;

import io.firstpin.event.EventSummary;

/**
 * Published inside the transaction that changed a registration's standing, for whoever tells the registrant
 * (confirmation, waitlist, promotion, cancellation). {@code manageToken} is the private link for the email, known
 * only right after registering: never the one answered to whoever registered, since the emailed one proves the email.
 * {@code waitlistPosition}, {@code event}, {@code frameName} and the event's {@code onlineUrl} are given when the
 * publisher has them at hand, so that listeners need not read them again while the frame is locked; null means "look it
 * up", and an empty {@code onlineUrl} that the event has none.
 */
public record RegistrationChanged(Registration registration, Change change, String manageToken,
        Integer waitlistPosition, EventSummary event, String frameName, String onlineUrl) {

    public RegistrationChanged(Registration registration, Change change) {
        this(registration, change, null, null, null, null, null);
    }

    public RegistrationChanged(Registration registration, Change change, String manageToken, Integer waitlistPosition,
            EventSummary event, String frameName) {
        this(registration, change, manageToken, waitlistPosition, event, frameName, null);
    }

    public long registrationId() {
        return registration.id();
    }

    public long eventId() {
        return registration.eventId();
    }

    public enum Change {
        CONFIRMED,
        WAITLISTED,
        APPLIED,
        PROMOTED,
        CANCELLED,
        /** Cancelled for want of a reconfirmation. */
        RELEASED,
        /** Staff invited the person and reserved them a seat. */
        INVITED
    }
}
