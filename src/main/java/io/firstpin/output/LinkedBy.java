package io.firstpin.output;

import java.util.Locale;

/** Why an output counts for an event; shown to staff as "linked by", written in lower case in the API. */
public enum LinkedBy {
    /** a registrant of the event submitted it with their private link */
    SUBMITTED,
    /** staff entered or linked it */
    MANUAL,
    /** the linking rules: it mentions the event's hashtag */
    HASHTAG,
    /** the linking rules: it mentions the event's address */
    URL,
    /** a material of a session on the event's agenda */
    AGENDA,
    /** a row of a file staff imported named the event */
    IMPORT;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean inferred() {
        return this == HASHTAG || this == URL;
    }
}
