package io.firstpin.registration;

/** Who or what ended a registration; staff see it, and the registrant's email says it. */
public enum CancelReason {
    REGISTRANT,
    STAFF,
    /** Asked to reconfirm and did not answer by the deadline: the seat went to the waitlist. */
    NO_RECONFIRMATION,
    /** The event was cancelled (中止): every registration ended with it, and nobody moved up. */
    EVENT_CANCELLED
}
