package io.firstpin.event;

import io.firstpin.platform.InvalidInputException;
import java.util.Locale;

/** The agenda items of the method: vendor update, customer case study (~20 min), lightning talk (~5 min), keynote. */
public enum SessionKind {
    UPDATE,
    CASE_STUDY,
    LIGHTNING_TALK,
    KEYNOTE;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SessionKind parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return LIGHTNING_TALK;
        }
        String value = text.strip().toUpperCase(Locale.ROOT);
        if ("LT".equals(value)) {
            return LIGHTNING_TALK;
        }
        try {
            return valueOf(value);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "event.session-kind.unknown", text);
        }
    }
}
