package io.firstpin.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
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
        try {
            return Optional.of(new StatedTime(null, OffsetDateTime.parse(value)));
        } catch (DateTimeParseException notWithOffset) {
            // most exports write local times
        }
        for (DateTimeFormatter format : LOCAL) {
            try {
                return Optional.of(new StatedTime(LocalDateTime.parse(value, format), null));
            } catch (DateTimeParseException notThisOne) {
                // the next format may fit
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return Optional.of(new StatedTime(LocalDate.parse(value, format).atStartOfDay(), null));
            } catch (DateTimeParseException notThisOne) {
                // the next format may fit
            }
        }
        return Optional.empty();
    }

    /** The instant meant, reading a time without an offset in the given zone (the event's community's). */
    public Instant in(ZoneId zone) {
        return withOffset != null ? withOffset.toInstant() : local.atZone(zone).toInstant();
    }
}
