package io.firstpin.member;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a member has an outside audience. Stored by name; written in lower case in the API. */
public enum AudienceChannel {
    X, BLUESKY, GITHUB, FEED, YOUTUBE, LINKEDIN;

    /** {@code x}, {@code bluesky}, {@code github}, {@code feed} (a blog or other feed), {@code youtube}, {@code linkedin}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AudienceChannel> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip();
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(wanted)).findFirst();
    }
}
