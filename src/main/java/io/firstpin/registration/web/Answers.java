package io.firstpin.registration.web;

import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.InvalidInputException.FieldProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Answers to registration questions as forms send them: fields named {@code answers[<question id>]}. */
final class Answers {

    private static final Pattern FIELD = Pattern.compile("answers\\[(\\d{1,18})]");

    private Answers() {
    }

    /** The answers among the request's parameters, by question id. */
    static Map<String, String> from(Map<String, String> params) {
        Map<String, String> answers = new TreeMap<>();
        params.forEach((name, value) -> {
            Matcher field = FIELD.matcher(name);
            if (field.matches()) {
                answers.put(field.group(1), value);
            }
        });
        return answers;
    }

    static Map<String, String> byKey(Map<Long, String> answers) {
        Map<String, String> byKey = new TreeMap<>();
        answers.forEach((question, answer) -> byKey.put(String.valueOf(question), answer));
        return byKey;
    }

    /** The problems with answers, by field ({@code answers[12]}), for the form to show under each question. */
    static Map<String, FieldProblem> problems(InvalidInputException e) {
        Map<String, FieldProblem> problems = new LinkedHashMap<>();
        e.problems().stream().filter(p -> FIELD.matcher(p.field()).matches())
                .forEach(p -> problems.putIfAbsent(p.field(), p));
        return problems;
    }

    /** The other problems (name, email, frame), which the form shows next to those fields. */
    static InvalidInputException withoutAnswerProblems(InvalidInputException e) {
        List<FieldProblem> rest = e.problems().stream().filter(p -> !FIELD.matcher(p.field()).matches()).toList();
        return new InvalidInputException(rest);
    }
}
