package io.firstpin.member.web;

import io.firstpin.member.ActivityFilter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The staff member list's query string, as typed: text search, filters and page, kept as text so that a wrong value
 * reaches {@link #check} and is answered with a message instead of a binding error.
 *
 * @param community a community's slug (with its branches)
 * @param from last attended on or after this day
 * @param before last attended before this day
 * @param within last attended within this many months
 * @param notWithin not attended in this many months (last attended before then)
 * @param min at least this many events attended
 * @param max at most this many events attended
 * @param step highest ladder step reached
 */
record MemberListQuery(String q, String community, String from, String before, String within, String notWithin,
        String min, String max, String step, String page) {

    /** Months far enough back for any history; more is refused as a typing error. */
    static final int MAX_MONTHS = 1200;

    /** A value that could not be used, by the field's name, with its message key. */
    record Problem(String field, String message) {
    }

    /** The filter, or the problems that kept it from being made. */
    record Checked(ActivityFilter filter, List<Problem> problems) {
    }

    String text() {
        return q == null ? "" : q;
    }

    int pageIndex() {
        try {
            return page == null || page.isBlank() ? 0 : Math.max(0, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Whether anything beyond the text search narrows the list. */
    public boolean filtered() {
        return Stream.of(community, from, before, within, notWithin, min, max, step)
                .anyMatch(v -> v != null && !v.isBlank());
    }

    /**
     * The filter for {@code today}: months become days counted back from today, and a day given both ways keeps the
     * stricter one. Community and step must be among those offered.
     */
    Checked check(LocalDate today, Collection<String> communities, Collection<String> steps) {
        List<Problem> problems = new ArrayList<>();
        LocalDate fromDay = parse("from", from, LocalDate::parse, "member.list.filter.bad-date", problems);
        LocalDate beforeDay = parse("before", before, LocalDate::parse, "member.list.filter.bad-date", problems);
        Integer withinMonths = count("within", within, 1, MAX_MONTHS, "member.list.filter.bad-months", problems);
        Integer notWithinMonths = count("notWithin", notWithin, 1, MAX_MONTHS, "member.list.filter.bad-months",
                problems);
        Integer minEvents = count("min", min, 0, Integer.MAX_VALUE, "member.list.filter.bad-count", problems);
        Integer maxEvents = count("max", max, 0, Integer.MAX_VALUE, "member.list.filter.bad-count", problems);
        String communitySlug = chosen("community", community, communities, "member.list.filter.bad-community",
                problems);
        String stepName = chosen("step", step, steps, "member.list.filter.bad-step", problems);
        if (withinMonths != null) {
            fromDay = later(fromDay, today.minusMonths(withinMonths));
        }
        if (notWithinMonths != null) {
            beforeDay = earlier(beforeDay, today.minusMonths(notWithinMonths));
        }
        if (minEvents != null && maxEvents != null && maxEvents < minEvents) {
            problems.add(new Problem("max", "member.list.filter.max-below-min"));
        }
        if (fromDay != null && beforeDay != null && !fromDay.isBefore(beforeDay)) {
            problems.add(new Problem("before", "member.list.filter.dates-crossed"));
        }
        return new Checked(new ActivityFilter(communitySlug, fromDay, beforeDay, minEvents, maxEvents, stepName),
                List.copyOf(problems));
    }

    /** The list's address with these values and another page; empty values are left out. */
    String link(String path, int pageIndex) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("q", q);
        values.put("community", community);
        values.put("from", from);
        values.put("before", before);
        values.put("within", within);
        values.put("notWithin", notWithin);
        values.put("min", min);
        values.put("max", max);
        values.put("step", step);
        values.put("page", pageIndex > 0 ? Integer.toString(pageIndex) : null);
        values.values().removeIf(value -> value == null || value.isBlank());
        // as variables, the values are encoded strictly, so a '+' or '&' typed in the search stays what it was
        values.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
        return uri.encode().buildAndExpand(values).toUriString();
    }

    private static <T> T parse(String field, String value, Function<String, T> parser, String message,
            List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (DateTimeParseException | NumberFormatException e) {
            problems.add(new Problem(field, message));
            return null;
        }
    }

    private static Integer count(String field, String value, int least, int most, String message,
            List<Problem> problems) {
        Integer number = parse(field, value, Integer::valueOf, message, problems);
        if (number != null && (number < least || number > most)) {
            problems.add(new Problem(field, message));
            return null;
        }
        return number;
    }

    private static String chosen(String field, String value, Collection<String> offered, String message,
            List<Problem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!offered.contains(value.strip())) {
            problems.add(new Problem(field, message));
            return null;
        }
        return value.strip();
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return Optional.ofNullable(a).filter(day -> day.isAfter(b)).orElse(b);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return Optional.ofNullable(a).filter(day -> day.isBefore(b)).orElse(b);
    }
}
