package io.firstpin.member;

import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.InvalidInputException.FieldProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An audience size as a form or the API gave it, still text: the channel's name, a whole number of followers and the
 * day it was true (today when left empty).
 */
public record AudienceInput(String channel, String size, String asOf) {

    /** Larger than any audience on earth; keeps a typo of many digits out of the sums. */
    static final long MAX_SIZE = 10_000_000_000L;

    /**
     * Every input checked, each problem on {@code <prefix>[i].channel|size|asOf}; one channel given twice is a problem
     * on the second.
     */
    static List<Audience> check(List<AudienceInput> inputs, String prefix, AudienceSource source, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Audience> checked = new ArrayList<>();
        Set<AudienceChannel> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            AudienceInput input = inputs.get(i);
            String field = prefix + "[" + i + "].";
            AudienceChannel channel = AudienceChannel.fromName(input.channel()).orElse(null);
            if (channel == null) {
                problems.add(new FieldProblem(field + "channel", "validation.audience.channel", List.of()));
            } else if (!seen.add(channel)) {
                problems.add(new FieldProblem(field + "channel", "validation.audience.channel-twice", List.of()));
            }
            Long size = size(input.size());
            if (size == null) {
                problems.add(new FieldProblem(field + "size", "validation.audience.size", List.of()));
            }
            LocalDate asOf = null;
            try {
                asOf = input.asOf() == null || input.asOf().isBlank() ? today : LocalDate.parse(input.asOf().strip());
                if (asOf.isAfter(today)) {
                    problems.add(new FieldProblem(field + "asOf", "validation.audience.future", List.of()));
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(field + "asOf", "validation.audience.date", List.of()));
            }
            if (channel != null && size != null && asOf != null) {
                checked.add(new Audience(channel, size, asOf, source));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return checked;
    }

    /** A non-negative whole number up to {@link #MAX_SIZE}, digits only (no sign, no separators), or null. */
    private static Long size(String text) {
        if (text == null || !text.strip().matches("\\d{1,11}")) {
            return null;
        }
        long value = Long.parseLong(text.strip());
        return value > MAX_SIZE ? null : value;
    }
}
