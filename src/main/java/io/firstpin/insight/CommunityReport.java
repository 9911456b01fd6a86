package io.firstpin.insight;

import io.firstpin.community.Community;
import java.time.ZoneId;
import java.util.List;

/**
 * Every KPI of a community, or of a community with its branches, over a period. Dates and months are those of the
 * reported community's time zone.
 *
 * @param events the events starting in the period, in start order (ties by id)
 */
public record CommunityReport(Community community, boolean withBranches, Period period, List<EventKpis> events,
        Participation participation, List<Cohort> cohorts, Footprint footprint, NewcomerBand newcomerBand) {

    public CommunityReport {
        events = List.copyOf(events);
        cohorts = List.copyOf(cohorts);
    }

    public ZoneId zone() {
        return community.timeZone();
    }

    /** The events of a kind the band applies to ({@link NewcomerBand#appliesTo}) whose ratio lies outside it. */
    public List<EventKpis> outsideNewcomerBand() {
        return events.stream().filter(e -> e.outside(newcomerBand)).toList();
    }

    /** How many events are of a kind the newcomer band applies to. */
    public long eventsTheBandAppliesTo() {
        return events.stream().filter(e -> NewcomerBand.appliesTo(e.kind())).count();
    }
}
