package io.firstpin.history;

import java.text.ParsePosition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalQuery;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A date and time as an export writes it: usually without a time zone, meant in the event's; sometimes with an offset.
 * Accepted: {@code 2024-05-10 19:30:15}, {@code 2024-05-10 19:30}, {@code 2024/5/10 19:30} (as Excel saves it again),
 * ISO 8601 with or without an offset, and Meetup's {@code May 10, 2024 7:30 PM}.
 */
public record StatedTime(LocalDateTime local, OffsetDateTime withOffset) {

    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d H:mm[:ss]"),
            DateTimeFormatter.ofPattern("uuuu/M/d H:mm[:ss]"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("MMM d, uuuu h:mm a")
                    .toFormatter(Locale.US),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("M/d/uuuu h:mm a")
                    .toFormatter(Locale.US));
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d"), DateTimeFormatter.ofPattern("uuuu/M/d"));

    public static Optional<StatedTime> parse(String text) {
        String value = text.strip();
        Optional<OffsetDateTime> withOffset = attempt(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME, OffsetDateTime::from);
        if (withOffset.isPresent()) {
            return Optional.of(new StatedTime(null, withOffset.get()));
        }
        for (DateTimeFormatter format : LOCAL) {
            Optional<LocalDateTime> local = attempt(value, format, LocalDateTime::from);
            if (local.isPresent()) {
                return Optional.of(new StatedTime(local.get(), null));
            }
        }
        for (DateTimeFormatter format : DATES) {
            Optional<LocalDate> date = attempt(value, format, LocalDate::from);
            if (date.isPresent()) {
                return Optional.of(new StatedTime(date.get().atStartOfDay(), null));
            }
        }
        return Optional.empty();
    }

    /**
     * The value read with this format if it has its shape. The shape is tried without an exception first, since a file
     * of a hundred thousand rows would otherwise throw one for every format a value does not have.
     */
    private static <T> Optional<T> attempt(String value, DateTimeFormatter format, TemporalQuery<T> query) {
        ParsePosition position = new ParsePosition(0);
        if (format.parseUnresolved(value, position) == null || position.getErrorIndex() >= 0
                || position.getIndex() != value.length()) {
            return Optional.empty();
        }
        try {
            return Optional.of(format.parse(value, query));
        } catch (DateTimeParseException impossibleDate) {
            return Optional.empty();
        }
    }

    /** The instant meant, reading a time without an offset in the given zone (the event's community's). */
    public Instant in(ZoneId zone) {
        return withOffset != null ? withOffset.toInstant() : local.atZone(zone).toInstant();
    }
}
