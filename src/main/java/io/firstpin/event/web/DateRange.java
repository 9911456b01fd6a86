package io.firstpin.event.web;

import io.firstpin.platform.Problems;
import io.firstpin.platform.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Query dates {@code YYYY-MM-DD}, both inclusive and both optional, read in the community's time zone. */
record DateRange(LocalDate from, LocalDate to) {

    static DateRange parse(String from, String to) {
        Problems problems = new Problems();
        LocalDate first = problems.attempt(() -> date("from", from));
        LocalDate last = problems.attempt(() -> date("to", to));
        if (first != null && last != null && first.isAfter(last)) {
            problems.add(InvalidInputException.of("to", "event.list.dates-order"));
        }
        problems.throwIfAny();
        return new DateRange(first, last);
    }

    Instant start(ZoneId zone) {
        return from == null ? null : from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the last day. */
    Instant end(ZoneId zone) {
        return to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "event.list.date-invalid");
        }
    }
}
