package io.firstpin.output;

/** How an output came in. */
public enum OutputSource {
    SUBMITTED,
    STAFF,
    FEED,
    AGENDA,
    IMPORT
}
