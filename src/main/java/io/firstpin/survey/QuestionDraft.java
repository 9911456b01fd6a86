package io.firstpin.survey;

import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.InvalidInputException.FieldProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A question as staff wrote it, checked: a wording, and for a choice at least two distinct options. Options are kept
 * only for a choice; blank options are dropped.
 */
public record QuestionDraft(QuestionKind kind, String wording, List<String> options, boolean required) {

    public static final int MAX_WORDING = 300;
    public static final int MAX_OPTION = 100;
    public static final int MAX_OPTIONS = 20;

    public QuestionDraft {
        options = List.copyOf(options);
    }

    /** Every problem at once, by field; {@code options} may come as one text with an option per line. */
    public static QuestionDraft of(String kind, String wording, List<String> options, Boolean required) {
        List<FieldProblem> problems = new ArrayList<>();
        QuestionKind parsed = null;
        try {
            parsed = QuestionKind.of(kind);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        String text = wording == null ? "" : wording.strip();
        if (text.isEmpty()) {
            problems.add(new FieldProblem("wording", "validation.required", List.of()));
        } else if (text.codePointCount(0, text.length()) > MAX_WORDING) {
            problems.add(new FieldProblem("wording", "survey.validation.too-long", List.of(MAX_WORDING)));
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        if (options != null) {
            options.stream().filter(o -> o != null).flatMap(o -> o.lines()).map(String::strip)
                    .filter(o -> !o.isEmpty()).forEach(distinct::add);
        }
        if (parsed == QuestionKind.CHOICE) {
            if (distinct.size() < 2) {
                problems.add(new FieldProblem("options", "survey.questions.two-options", List.of()));
            } else if (distinct.size() > MAX_OPTIONS) {
                problems.add(new FieldProblem("options", "survey.questions.too-many-options", List.of(MAX_OPTIONS)));
            }
            if (distinct.stream().anyMatch(o -> o.codePointCount(0, o.length()) > MAX_OPTION)) {
                problems.add(new FieldProblem("options", "survey.questions.option-too-long", List.of(MAX_OPTION)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new QuestionDraft(parsed, text, parsed == QuestionKind.CHOICE ? List.copyOf(distinct) : List.of(),
                Boolean.TRUE.equals(required));
    }
}
