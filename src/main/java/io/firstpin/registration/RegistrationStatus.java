package io.firstpin.registration;

public enum RegistrationStatus {
    /** Holds a seat. */
    CONFIRMED,
    /** Waits for a seat (補欠), in order of its waitlist position. */
    WAITLISTED,
    /** Applied to a lottery frame that is not drawn yet. */
    APPLIED,
    /** Not drawn in a lottery and not waitlisted. */
    LOST,
    CANCELLED
}
