package io.firstpin.survey;

import io.firstpin.platform.InvalidInputException;
import java.util.Locale;

/** What an event's own survey question asks for. */
public enum QuestionKind {
    /** Free text, at most {@link ExtraQuestion#MAX_TEXT_ANSWER} characters. */
    TEXT,
    /** One of the question's options. */
    CHOICE,
    /** A whole number from 1 to 5. */
    SCALE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static QuestionKind of(String key) {
        if (key == null || key.isBlank()) {
            throw InvalidInputException.of("kind", "validation.required");
        }
        try {
            return valueOf(key.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("kind", "survey.questions.unknown-kind");
        }
    }
}
