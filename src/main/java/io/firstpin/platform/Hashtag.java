package io.firstpin.platform;

import java.util.Optional;
import java.util.regex.Pattern;

/** A hashtag without its leading {@code #}: letters (any script), digits and underscores, as on X and Bluesky. */
public record Hashtag(String value) {

    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}\\p{M}_]{1,99}");

    public Hashtag {
        if (value == null || !VALID.matcher(value).matches()) {
            throw InvalidInputException.of("hashtag", "validation.hashtag");
        }
    }

    /** Accepts {@code #jawsug}, full-width {@code ＃jawsug} or {@code jawsug}; blank means no hashtag. */
    public static Optional<Hashtag> parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.startsWith("#") || value.startsWith("＃")) {
            value = value.substring(1);
        }
        if (!VALID.matcher(value).matches()) {
            throw InvalidInputException.of(field, "validation.hashtag");
        }
        return Optional.of(new Hashtag(value));
    }

    @Override
    public String toString() {
        return "#" + value;
    }
}
