package io.firstpin.platform;

import java.util.Locale;
import java.util.regex.Pattern;

/** A URL name such as {@code jaws-ug-tokyo}: lower-case letters, digits and hyphens, 2 to 64 characters. */
public record Slug(String value) {

    public static final String PATTERN = "[a-z0-9][a-z0-9-]{0,62}[a-z0-9]";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    public Slug {
        if (value == null || !VALID.matcher(value).matches()) {
            throw InvalidInputException.of("slug", "validation.slug");
        }
    }

    /** Lower-cases and trims what a person typed before checking it. */
    public static Slug parse(String field, String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (!VALID.matcher(value).matches()) {
            throw InvalidInputException.of(field, "validation.slug");
        }
        return new Slug(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
