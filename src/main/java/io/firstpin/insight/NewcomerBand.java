package io.firstpin.insight;

import io.firstpin.event.EventKind;
import java.util.Set;

/**
 * The newcomer ratio of a healthy meetup (40–60% by default): below it the same faces come every time, above it too
 * few people come back.
 */
public record NewcomerBand(double min, double max) {

    /**
     * The kinds whose newcomer ratio says something about the community: an after-party is attended by the evening's
     * own attendees, so its ratio is 0% by definition.
     */
    private static final Set<EventKind> MEANINGFUL = Set.of(EventKind.STUDY_SESSION, EventKind.BIG_EVENT,
            EventKind.ONLINE);

    public NewcomerBand {
        if (min < 0 || max > 1 || min > max) {
            throw new IllegalArgumentException("a newcomer band lies within [0, 1] with min <= max: " + min + ", " + max);
        }
    }

    public Position of(Double ratio) {
        if (ratio == null) {
            return Position.UNKNOWN;
        }
        if (ratio < min) {
            return Position.BELOW;
        }
        return ratio > max ? Position.ABOVE : Position.WITHIN;
    }

    public static boolean appliesTo(EventKind kind) {
        return MEANINGFUL.contains(kind);
    }

    public long minPercent() {
        return Math.round(min * 100);
    }

    public long maxPercent() {
        return Math.round(max * 100);
    }

    public enum Position {
        BELOW,
        WITHIN,
        ABOVE,
        /** No attendees, so no ratio. */
        UNKNOWN;

        public boolean outside() {
            return this == BELOW || this == ABOVE;
        }
    }
}
