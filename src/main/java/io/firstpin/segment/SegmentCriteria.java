package io.firstpin.segment;

import io.firstpin.insight.MemberActivity;
import io.firstpin.insight.Quadrant;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.InvalidInputException.FieldProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a segment holds, among the members who attended an event of its scope: at least {@code minEvents} events in
 * the last {@code withinMonths} months, outputs and talks or not, a love-and-reach quadrant, staff only when asked.
 * For example "attended 3+ in the last 12 months, no output yet" is (3, 12, NONE, ANY, null, false).
 *
 * @param quadrant null for any (and for members whose reach is unknown)
 */
public record SegmentCriteria(int minEvents, int withinMonths, OutputFilter outputs, TalkFilter talks,
        Quadrant quadrant, boolean includeStaff) {

    static final int MAX_EVENTS = 1000;
    static final int MAX_MONTHS = 120;

    public SegmentCriteria {
        List<FieldProblem> problems = new ArrayList<>();
        if (minEvents < 0 || minEvents > MAX_EVENTS) {
            problems.add(new FieldProblem("minEvents", "validation.segment.range", List.of(0, MAX_EVENTS)));
        }
        if (withinMonths < 1 || withinMonths > MAX_MONTHS) {
            problems.add(new FieldProblem("withinMonths", "validation.segment.range", List.of(1, MAX_MONTHS)));
        }
        if (outputs == null) {
            problems.add(new FieldProblem("outputs", "validation.required", List.of()));
        }
        if (talks == null) {
            problems.add(new FieldProblem("talks", "validation.required", List.of()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /**
     * The criteria as a form or the API sends them (numbers as text, choices by name in any case, an empty quadrant
     * for any); every problem is reported at once on its field.
     */
    public static SegmentCriteria parse(String minEvents, String withinMonths, String outputs, String talks,
            String quadrant, boolean includeStaff) {
        List<FieldProblem> problems = new ArrayList<>();
        Integer events = number("minEvents", minEvents, problems);
        Integer months = number("withinMonths", withinMonths, problems);
        OutputFilter outputFilter = choice("outputs", outputs, OutputFilter.values(), problems).orElse(null);
        TalkFilter talkFilter = choice("talks", talks, TalkFilter.values(), problems).orElse(null);
        Quadrant wanted = quadrant == null || quadrant.isBlank() ? null
                : choice("quadrant", quadrant, Quadrant.values(), problems).orElse(null);
        try {
            SegmentCriteria criteria = new SegmentCriteria(events == null ? 0 : events, months == null ? 1 : months,
                    outputFilter == null ? OutputFilter.ANY : outputFilter,
                    talkFilter == null ? TalkFilter.ANY : talkFilter, wanted, includeStaff);
            if (problems.isEmpty()) {
                return criteria;
            }
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        throw new InvalidInputException(problems);
    }

    /** Whether the member is in, given what they did and their quadrant (null when their reach is unknown). */
    boolean includes(MemberActivity activity, Quadrant memberQuadrant) {
        return (includeStaff || !activity.staff())
                && activity.eventsSince() >= minEvents
                && outputs.accepts(activity.outputs())
                && talks.accepts(activity.talks())
                && (quadrant == null || quadrant == memberQuadrant);
    }

    private static Integer number(String field, String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "validation.required", List.of()));
            return null;
        }
        if (!text.strip().matches("\\d{1,6}")) {
            problems.add(new FieldProblem(field, "validation.segment.number", List.of()));
            return null;
        }
        return Integer.valueOf(text.strip());
    }

    private static <E extends Enum<E>> Optional<E> choice(String field, String text, E[] values,
            List<FieldProblem> problems) {
        Optional<E> found = text == null ? Optional.empty() : Arrays.stream(values)
                .filter(v -> v.name().equalsIgnoreCase(text.strip())).findFirst();
        if (found.isEmpty()) {
            problems.add(new FieldProblem(field, text == null || text.isBlank() ? "validation.required"
                    : "validation.segment.choice", List.of(String.join(", ", Arrays.stream(values)
                    .map(v -> v.name().toLowerCase(Locale.ROOT)).toList()))));
        }
        return found;
    }
}
