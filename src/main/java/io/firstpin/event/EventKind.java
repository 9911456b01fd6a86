package io.firstpin.event;

import io.firstpin.platform.InvalidInputException;
import java.util.Locale;

public enum EventKind {
    STUDY_SESSION,
    BIG_EVENT,
    ONLINE,
    AFTER_PARTY;

    /** The lower-case name used in the API, e.g. {@code study_session}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventKind parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return STUDY_SESSION;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "event.kind.unknown", text);
        }
    }
}
