package io.firstpin.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the period's events brought out: per event the output rate and the burst and decay of outputs around it, and
 * over the period the community-to-media ratio.
 *
 * @param events one per event of the report, in its order
 * @param communityOutputs distinct outputs linked to the period's events that are not media articles
 * @param mediaArticles distinct outputs linked to the period's events of type media
 */
public final class OutputImpact {

    private final List<EventImpact> events;
    private final Map<Long, EventImpact> byEvent;
    private final int communityOutputs;
    private final int mediaArticles;

    public OutputImpact(List<EventImpact> events, int communityOutputs, int mediaArticles) {
        this.events = List.copyOf(events);
        // looked up once per event by the API, the page and the CSV: a thousand events must not mean a million steps
        this.byEvent = events.stream().collect(Collectors.toUnmodifiableMap(EventImpact::eventId, e -> e));
        this.communityOutputs = communityOutputs;
        this.mediaArticles = mediaArticles;
    }

    public List<EventImpact> events() {
        return events;
    }

    public int communityOutputs() {
        return communityOutputs;
    }

    public int mediaArticles() {
        return mediaArticles;
    }

    /** Community outputs per media article, 4 decimals; null without any media article. */
    public Double communityToMediaRatio() {
        if (mediaArticles == 0) {
            return null;
        }
        return BigDecimal.valueOf(communityOutputs)
                .divide(BigDecimal.valueOf(mediaArticles), 4, RoundingMode.HALF_UP).doubleValue();
    }

    public Optional<EventImpact> of(long eventId) {
        return Optional.ofNullable(byEvent.get(eventId));
    }

    /**
     * One event's outputs.
     *
     * @param attendees its attendees, staff left out (as in {@link EventKpis#attendees()})
     * @param attendeeAuthors distinct attendees who wrote an output linked to it; staff and people who did not attend
     *        never count
     * @param perDay outputs linked to it per day, from {@link #FIRST_DAY} to {@link #LAST_DAY} days after the day it
     *        started (day 0), by the day each was published in the community's time zone
     */
    public record EventImpact(long eventId, int attendees, int attendeeAuthors, List<Integer> perDay) {

        public static final int FIRST_DAY = -7;
        public static final int LAST_DAY = 30;

        public EventImpact {
            perDay = List.copyOf(perDay);
            if (perDay.size() != LAST_DAY - FIRST_DAY + 1) {
                throw new IllegalArgumentException("a count per day from " + FIRST_DAY + " to " + LAST_DAY);
            }
        }

        /** Distinct attendee-authors over attendees; null without attendees. */
        public Double outputRate() {
            return Ratio.of(attendeeAuthors, attendees);
        }

        public int outputsOn(int day) {
            return perDay.get(day - FIRST_DAY);
        }

        /** The most outputs on one day; 0 when none came out around the event. */
        public int peak() {
            return perDay.stream().mapToInt(Integer::intValue).max().orElse(0);
        }

        /** The first day with the most outputs, relative to the event's day; null when none came out around it. */
        public Integer peakDay() {
            int peak = peak();
            if (peak == 0) {
                return null;
            }
            return perDay.indexOf(peak) + FIRST_DAY;
        }

        /**
         * Days from the peak until the daily count first falls under half the peak; null when none came out around the
         * event, or the count stays at half the peak or more to the last day looked at.
         */
        public Integer decayDays() {
            Integer peakDay = peakDay();
            if (peakDay == null) {
                return null;
            }
            int peak = peak();
            for (int day = peakDay + 1; day <= LAST_DAY; day++) {
                if (outputsOn(day) * 2 < peak) {
                    return day - peakDay;
                }
            }
            return null;
        }
    }
}
