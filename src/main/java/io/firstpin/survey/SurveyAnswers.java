package io.firstpin.survey;

import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.InvalidInputException.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * A respondent's answers to the default questions. Scores are whole numbers on fixed scales: NPS 0–10 (required), CES
 * 1–7 and heat 1–5 (optional). Texts are stripped; blank means not answered.
 *
 * @param anonymous the comment and "what was best" are shown to staff without the respondent's name
 */
public record SurveyAnswers(Integer nps, Integer ces, Integer heat, String best, String comment, boolean wantsToSpeak,
        String talkTopic, boolean wantsToOrganise, boolean anonymous) {

    public static final int MAX_BEST = 1000;
    public static final int MAX_COMMENT = 2000;
    public static final int MAX_TOPIC = 200;

    public SurveyAnswers {
        best = blankToNull(best);
        comment = blankToNull(comment);
        talkTopic = wantsToSpeak ? blankToNull(talkTopic) : null;
    }

    /** The answers as given; every problem is reported at once, by field. */
    public SurveyAnswers validated() {
        List<FieldProblem> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return this;
    }

    /** What is wrong with these answers, by field, in the order of the questions. */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (nps == null) {
            problems.add(new FieldProblem("nps", "validation.required", List.of()));
        }
        inRange(problems, "nps", nps, 0, 10);
        inRange(problems, "ces", ces, 1, 7);
        inRange(problems, "heat", heat, 1, 5);
        notLonger(problems, "best", best, MAX_BEST);
        notLonger(problems, "comment", comment, MAX_COMMENT);
        notLonger(problems, "talkTopic", talkTopic, MAX_TOPIC);
        return problems;
    }

    private static void inRange(List<FieldProblem> problems, String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            problems.add(new FieldProblem(field, "survey.validation.range", List.of(min, max)));
        }
    }

    private static void notLonger(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            problems.add(new FieldProblem(field, "survey.validation.too-long", List.of(max)));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
