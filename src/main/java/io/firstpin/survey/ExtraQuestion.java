package io.firstpin.survey;

import io.firstpin.platform.InvalidInputException.FieldProblem;
import java.math.BigDecimal;
import java.util.List;

/**
 * A question staff added to an event's survey. A retired question is no longer asked; its answers stay in the results.
 * Answers are kept as text: the text itself, the chosen option, or the scale's number.
 */
public record ExtraQuestion(long id, long eventId, QuestionKind kind, String wording, List<String> options,
        boolean required, int displayOrder, boolean retired) {

    public static final int MAX_TEXT_ANSWER = 2000;
    public static final int SCALE_MIN = 1;
    public static final int SCALE_MAX = 5;

    public ExtraQuestion {
        options = List.copyOf(options);
    }

    /** The field an answer to this question is reported under, in the API and on the page. */
    public String field() {
        return "answers." + id;
    }

    /** The options one per line, as staff edit them. */
    public String optionsText() {
        return String.join("\n", options);
    }

    /** The values a chart counts: the options of a choice, 1..5 of a scale; none for text. */
    public List<String> categories() {
        return switch (kind) {
            case CHOICE -> options;
            case SCALE -> List.of("1", "2", "3", "4", "5");
            case TEXT -> List.of();
        };
    }

    /**
     * The answer as stored, or null when not answered; a problem is added (under {@link #field()}) when the answer is
     * missing but required, of the wrong type, out of range, too long, or not one of the options.
     */
    String answer(Object raw, List<FieldProblem> problems) {
        String value;
        if (raw == null) {
            value = null;
        } else if (raw instanceof String || raw instanceof Number) {
            value = raw instanceof BigDecimal decimal ? decimal.toPlainString() : raw.toString().strip();
        } else {
            problems.add(new FieldProblem(field(), "survey.validation.answer-type", List.of()));
            return null;
        }
        if (value == null || value.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(field(), "validation.required", List.of()));
            }
            return null;
        }
        switch (kind) {
            case TEXT -> {
                if (value.codePointCount(0, value.length()) > MAX_TEXT_ANSWER) {
                    problems.add(new FieldProblem(field(), "survey.validation.too-long", List.of(MAX_TEXT_ANSWER)));
                    return null;
                }
            }
            case CHOICE -> {
                if (!options.contains(value)) {
                    problems.add(new FieldProblem(field(), "survey.validation.choice",
                            List.of(String.join(" / ", options))));
                    return null;
                }
            }
            case SCALE -> {
                if (!value.matches("[0-9]{1,2}") || Integer.parseInt(value) < SCALE_MIN
                        || Integer.parseInt(value) > SCALE_MAX) {
                    problems.add(new FieldProblem(field(), "survey.validation.range", List.of(SCALE_MIN, SCALE_MAX)));
                    return null;
                }
                value = String.valueOf(Integer.parseInt(value));
            }
        }
        return value;
    }
}
