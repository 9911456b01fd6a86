package io.firstpin.insight;

import io.firstpin.platform.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The dates a report covers, both inclusive, read in the time zone of the community reported on: an event belongs to
 * the period when it starts on or after the first day's midnight and before the midnight after the last day.
 */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        if (from == null || to == null) {
            throw InvalidInputException.of(from == null ? "from" : "to", "insight.period.date");
        }
        if (outOfRange(from) || outOfRange(to)) {
            throw InvalidInputException.of(outOfRange(from) ? "from" : "to", "insight.period.range");
        }
        if (from.isAfter(to)) {
            throw InvalidInputException.of("to", "insight.period.order");
        }
    }

    /** The twelve months that end today: from the same day a year ago plus one, to today. */
    public static Period lastTwelveMonths(LocalDate today) {
        return new Period(today.minusYears(1).plusDays(1), today);
    }

    /**
     * Reads {@code YYYY-MM-DD} dates as sent by a form or an API call. A missing {@code to} is today; a missing
     * {@code from} is a year before {@code to}, so that both missing give the last twelve months.
     */
    public static Period parse(String from, String to, LocalDate today) {
        LocalDate last = blank(to) ? today : date("to", to);
        LocalDate first = blank(from) ? last.minusYears(1).plusDays(1) : date("from", from);
        return new Period(first, last);
    }

    /** The period of the same number of days that ends the day before this one starts. */
    public Period previous() {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new Period(from.minusDays(days), from.minusDays(1));
    }

    /** The first instant of the period in {@code zone}. */
    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period in {@code zone}. */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Far enough for any community's history, near enough that date arithmetic and the databases never overflow. */
    private static boolean outOfRange(LocalDate date) {
        return date.getYear() < 1900 || date.getYear() > 2999;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "insight.period.date");
        }
    }
}
