package io.firstpin.platform;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Reads the date-times people and integrators send: with an offset, or as local time in the community's zone. */
public final class DateTimes {

    private DateTimes() {
    }

    /** {@code 2026-11-24T19:00:00+09:00}, or {@code 2026-11-24T19:00} read in {@code zone}; blank gives null. */
    public static Instant parse(String field, String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw InvalidInputException.of(field, "validation.datetime");
            }
        }
    }

    public static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
