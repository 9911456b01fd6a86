package io.firstpin.insight;

/**
 * The newcomer ratio of a healthy meetup (40–60% by default): below it the same faces come every time, above it too
 * few people come back.
 */
public record NewcomerBand(double min, double max) {

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
