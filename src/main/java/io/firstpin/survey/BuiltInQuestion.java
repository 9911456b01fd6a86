package io.firstpin.survey;

import io.firstpin.platform.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The questions every survey starts with. Their answers keep their own columns (and the fixed API its fields); staff
 * may reword any of them per event and switch the optional ones off. NPS cannot be switched off: the API and the KPIs
 * need it.
 */
public enum BuiltInQuestion {
    NPS, CES, HEAT, BEST, COMMENT, SPEAK, ORGANISE;

    /** The name used in URLs, the API and the message bundle ({@code survey.question.<key>}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String messageCode() {
        return "survey.question." + key();
    }

    public boolean optional() {
        return this != NPS;
    }

    public static BuiltInQuestion of(String key) {
        return Arrays.stream(values()).filter(q -> q.key().equals(key == null ? "" : key.strip()))
                .findFirst()
                .orElseThrow(() -> InvalidInputException.of("question", "survey.questions.unknown-built-in",
                        String.join(", ", Arrays.stream(values()).map(BuiltInQuestion::key).toList())));
    }
}
