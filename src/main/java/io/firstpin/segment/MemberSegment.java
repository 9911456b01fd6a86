package io.firstpin.segment;

import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.InvalidInputException.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** A saved segment: a name, the community it looks at (with its branches or not) and its criteria. */
public record MemberSegment(long id, long organizationId, long communityId, boolean withBranches, String name,
        SegmentCriteria criteria, Instant createdAt, Instant updatedAt) {

    static final int MAX_NAME = 120;

    /** The criteria read by {@code criteria}, with a problem of the name reported along with theirs. */
    public static SegmentCriteria check(String name, Supplier<SegmentCriteria> criteria) {
        List<FieldProblem> problems = new ArrayList<>();
        try {
            checkName(name);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        try {
            SegmentCriteria checked = criteria.get();
            if (problems.isEmpty()) {
                return checked;
            }
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        throw new InvalidInputException(problems);
    }

    /** The name as kept: trimmed, required, at most {@value #MAX_NAME} characters. */
    static String checkName(String name) {
        String clean = name == null ? "" : name.replaceAll("\\s+", " ").strip();
        if (clean.isEmpty()) {
            throw InvalidInputException.of("name", "validation.required");
        }
        if (clean.length() > MAX_NAME) {
            throw InvalidInputException.of("name", "validation.too-long", MAX_NAME);
        }
        return clean;
    }
}
