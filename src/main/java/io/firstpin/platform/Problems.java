package io.firstpin.platform;

import io.firstpin.platform.InvalidInputException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every problem of one input, so that a person or an integrator learns them all at once instead of one per
 * attempt. A field keeps its first problem: a date that does not parse is not reported again as missing.
 */
public final class Problems {

    private final List<FieldProblem> found = new ArrayList<>();

    /** The value the step gives, or null when it breaks a rule, whose problems are kept. */
    public <T> T attempt(Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidInputException e) {
            add(e);
            return null;
        }
    }

    /** As {@link #attempt(Supplier)}, for a part of the input: its fields are named under {@code path}. */
    public <T> T attempt(String path, Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidInputException e) {
            add(e.within(path));
            return null;
        }
    }

    public void add(InvalidInputException e) {
        e.problems().forEach(this::add);
    }

    public void add(FieldProblem problem) {
        if (!has(problem.field())) {
            found.add(problem);
        }
    }

    public boolean has(String field) {
        return found.stream().anyMatch(p -> p.field().equals(field));
    }

    public int size() {
        return found.size();
    }

    public List<FieldProblem> list() {
        return List.copyOf(found);
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }
}
