package io.firstpin.registration;

/** How a registration question is answered. */
public enum QuestionKind {
    /** A line or a few of free text. */
    TEXT,
    /** One of the question's choices. */
    CHOICE,
    /** Yes or no, e.g. "joining the after-party?". */
    YES_NO
}
