package io.firstpin.registration;

import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.InvalidInputException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A question an event asks whoever registers. It knows which answers it accepts: any text up to
 * {@value #MAX_ANSWER} characters, one of its choices, or yes/no; and whether it may be left empty.
 *
 * @param frameId the frame whose registrants alone are asked (the LT frame asks the talk title), or null for everyone
 * @param feedsAgenda the answers are talk titles for the event's agenda draft
 */
public record Question(long id, long eventId, int position, QuestionKind kind, String label, List<String> choices,
        boolean required, Long frameId, boolean feedsAgenda) {

    /** A question asked of everyone who registers. */
    public Question(long id, long eventId, int position, QuestionKind kind, String label, List<String> choices,
            boolean required) {
        this(id, eventId, position, kind, label, choices, required, null, false);
    }

    public static final int MAX_LABEL = 200;
    public static final int MAX_ANSWER = 1000;
    static final int MAX_CHOICES = 20;
    static final int MAX_CHOICE = 100;
    public static final String YES = "yes";
    public static final String NO = "no";

    public Question {
        choices = List.copyOf(choices);
    }

    /** Whether someone registering for this frame is asked. */
    public boolean asks(long frame) {
        return frameId == null || frameId == frame;
    }

    /** The field a problem with this question's answer is reported on, in forms and in the API. */
    public String field() {
        return "answers[" + id + "]";
    }

    /**
     * The answer as it is kept, or empty when left blank and that is allowed.
     *
     * @throws InvalidInputException on {@link #field()} when it is required and blank, too long, or not a choice
     */
    public Optional<String> accept(String answer) {
        String value = answer == null ? "" : answer.strip();
        if (value.isEmpty()) {
            if (required) {
                throw InvalidInputException.of(field(), "validation.required");
            }
            return Optional.empty();
        }
        if (kind == QuestionKind.TEXT) {
            if (value.length() > MAX_ANSWER) {
                throw InvalidInputException.of(field(), "validation.too-long", MAX_ANSWER);
            }
            return Optional.of(value);
        }
        if (kind == QuestionKind.YES_NO) {
            String yesNo = value.toLowerCase(Locale.ROOT);
            if (!yesNo.equals(YES) && !yesNo.equals(NO)) {
                throw InvalidInputException.of(field(), "question.yes-no");
            }
            return Optional.of(yesNo);
        }
        if (!choices.contains(value)) {
            throw InvalidInputException.of(field(), "question.not-a-choice");
        }
        return Optional.of(value);
    }

    /**
     * Checks what staff wrote for a new question: a label, and for a choice two or more distinct choices, one per line.
     *
     * @return the choices, cleaned up
     */
    static List<String> validDefinition(QuestionKind kind, String label, String choicesText) {
        List<FieldProblem> problems = new ArrayList<>();
        if (kind == null) {
            problems.add(new FieldProblem("kind", "validation.required", List.of()));
        }
        if (label == null || label.isBlank()) {
            problems.add(new FieldProblem("label", "validation.required", List.of()));
        } else if (label.strip().length() > MAX_LABEL) {
            problems.add(new FieldProblem("label", "validation.too-long", List.of(MAX_LABEL)));
        }
        List<String> choices = kind != QuestionKind.CHOICE || choicesText == null ? List.of()
                : choicesText.lines().map(String::strip).filter(line -> !line.isEmpty()).distinct().toList();
        if (kind == QuestionKind.CHOICE) {
            if (choices.size() < 2 || choices.size() > MAX_CHOICES) {
                problems.add(new FieldProblem("choices", "question.choices", List.of(MAX_CHOICES)));
            } else if (choices.stream().anyMatch(choice -> choice.length() > MAX_CHOICE)) {
                problems.add(new FieldProblem("choices", "validation.too-long", List.of(MAX_CHOICE)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return choices;
    }
}
