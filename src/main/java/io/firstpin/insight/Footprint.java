package io.firstpin.insight;

import java.time.Instant;
import java.util.List;

/**
 * How often and where the scope meets in the period.
 *
 * @param prefectureCodes the distinct prefectures of the period's events (ISO 3166-2), in code order
 * @param cities distinct cities, a city counted once per prefecture
 * @param online events held online only
 */
public record Footprint(List<QuarterCount> eventsPerQuarter, List<String> prefectureCodes, int cities, int online,
        List<CommunityPace> communities) {

    public Footprint {
        eventsPerQuarter = List.copyOf(eventsPerQuarter);
        prefectureCodes = List.copyOf(prefectureCodes);
        communities = List.copyOf(communities);
    }

    /** Events starting in a calendar quarter ({@code 2025-Q2}) of the community's time zone. */
    public record QuarterCount(String quarter, int events) {
    }

    /**
     * One community of the scope.
     *
     * @param medianDaysBetweenEvents median of the days between its consecutive events in the period; null with fewer
     *     than two events
     * @param daysFromCreationToFirstEvent for a branch, days from its creation to its first event ever; null for a
     *     top-level community or a branch without events; 0 when its events predate its record in Firstpin
     */
    public record CommunityPace(long communityId, String slug, String name, boolean branch, int events,
            Double medianDaysBetweenEvents, Instant firstEventAt, Long daysFromCreationToFirstEvent) {
    }
}
