package io.firstpin.platform;

import java.util.List;

/**
 * Input that breaks a domain rule, reported per field so forms and API clients can point at it. Answers 400.
 * Each problem carries a message code, resolved in the caller's language when the error is shown.
 */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.get(0).code());
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String code, Object... args) {
        return new InvalidInputException(List.of(new FieldProblem(field, code, List.of(args))));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /**
     * The same problems, for a part of a larger input: {@code within("frames[0]")} names {@code capacity} as
     * {@code frames[0].capacity}, the one way every API answer names a field.
     */
    public InvalidInputException within(String path) {
        return new InvalidInputException(problems.stream()
                .map(p -> new FieldProblem(p.field() == null || p.field().isEmpty() ? path : path + "." + p.field(),
                        p.code(), p.args()))
                .toList());
    }

    public record FieldProblem(String field, String code, List<Object> args) {
    }
}
