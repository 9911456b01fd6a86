package io.firstpin.community;

import io.firstpin.platform.Hashtag;
import io.firstpin.platform.InvalidInputException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/** What a community says about itself: name, hashtag, interest axis (関心軸) and the time zone its events are in. */
public record CommunityProfile(String name, Optional<Hashtag> hashtag, String interestAxis, ZoneId timeZone) {

    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Tokyo");

    public CommunityProfile {
        if (name == null || name.isBlank()) {
            throw InvalidInputException.of("name", "validation.required");
        }
        name = name.strip();
        interestAxis = interestAxis == null || interestAxis.isBlank() ? null : interestAxis.strip();
        timeZone = timeZone == null ? DEFAULT_TIME_ZONE : timeZone;
    }

    /** Parses what a form or API call sent, naming the field at fault. */
    public static CommunityProfile of(String name, String hashtag, String interestAxis, String timeZone) {
        return new CommunityProfile(name, Hashtag.parse("hashtag", hashtag), interestAxis, parseZone(timeZone));
    }

    private static ZoneId parseZone(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_TIME_ZONE;
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw InvalidInputException.of("timeZone", "validation.time-zone");
        }
    }
}
