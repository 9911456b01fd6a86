package io.firstpin.insight;

/**
 * A period's headline figures, as the dashboard compares them with the previous period's.
 *
 * @param newcomers attendees whose first attendance in scope was at one of the period's events
 */
public record PeriodSummary(Period period, int events, Participation participation, int newcomers, int prefectures,
        int cities, int online) {

    /** The same figures read from a whole report. */
    public static PeriodSummary of(CommunityReport report) {
        return new PeriodSummary(report.period(), report.events().size(), report.participation(),
                report.events().stream().mapToInt(EventKpis::newcomers).sum(),
                report.footprint().prefectureCodes().size(), report.footprint().cities(),
                report.footprint().online());
    }
}
