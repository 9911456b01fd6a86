package io.firstpin.insight.web;

import io.firstpin.follow.Follows;
import io.firstpin.insight.Cohort;
import io.firstpin.insight.CommunityReport;
import io.firstpin.insight.EventKpis;
import io.firstpin.insight.OutputImpact;
import io.firstpin.insight.Ratio;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The numbers and labels the dashboard's charts draw, as JSON for a {@code <script type="application/json">} block:
 * the page's scripts come from files only (the Content Security Policy forbids inline scripts).
 */
@Component
class DashboardCharts {

    /** Above this many events in the period, the per-event charts add them up per month. */
    static final int PER_MONTH_ABOVE = 60;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final List<String> LABELS = List.of("newcomers", "returning", "newcomer-ratio", "band",
            "return-rate", "no-show-rate", "events", "retention");

    private final JsonMapper json;
    private final MessageSource messages;

    DashboardCharts(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    String json(CommunityReport report, Locale locale) {
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        LABELS.forEach(key -> labels.put(key, messages.getMessage("insight.series." + key, null, locale)));
        data.put("labels", labels);
        data.put("band", List.of(report.newcomerBand().minPercent(), report.newcomerBand().maxPercent()));
        boolean perMonth = report.events().size() > PER_MONTH_ABOVE;
        data.put("perMonth", perMonth);
        data.put("events", perMonth ? months(report) : perEvent(report));
        List<String> months = report.cohorts().stream().map(c -> c.month().toString()).toList();
        List<String> windows = Cohort.WINDOWS.stream()
                .map(m -> messages.getMessage("insight.column.within", new Object[] {m}, locale)).toList();
        List<List<Object>> cells = new ArrayList<>();
        for (int y = 0; y < report.cohorts().size(); y++) {
            List<Cohort.Retention> retention = report.cohorts().get(y).retention();
            for (int x = 0; x < retention.size(); x++) {
                if (retention.get(x).share() != null) {
                    cells.add(List.of(x, y, percent(retention.get(x).share())));
                }
            }
        }
        data.put("cohorts", Map.of("months", months, "windows", windows, "cells", cells));
        data.put("quarters", report.footprint().eventsPerQuarter());
        // "<" written as an escape, so no text in the data can close the script element
        return json.writeValueAsString(data).replace("<", "\\u003c");
    }

    /** The output chart's data; the outputs per day only for the events the page lets one pick. */
    String outputsJson(CommunityReport report, OutputImpact impact, List<EventKpis> pickable, Locale locale) {
        Set<Long> picked = pickable.stream().map(EventKpis::id).collect(Collectors.toSet());
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        List.of("output-rate", "outputs-per-day", "day").forEach(key -> labels.put(key,
                messages.getMessage("insight.series." + key, null, locale)));
        data.put("labels", labels);
        List<Integer> days = new ArrayList<>();
        for (int day = OutputImpact.EventImpact.FIRST_DAY; day <= OutputImpact.EventImpact.LAST_DAY; day++) {
            days.add(day);
        }
        data.put("days", days);
        List<Map<String, Object>> events = new ArrayList<>();
        for (EventKpis e : report.events()) {
            OutputImpact.EventImpact outputs = impact.of(e.id()).orElseThrow();
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("id", e.id());
            event.put("label", DAY.format(e.startsAt().atZone(report.zone())) + " " + e.title());
            event.put("outputRate", percent(outputs.outputRate()));
            if (picked.contains(e.id())) {
                event.put("perDay", outputs.perDay());
            }
            event.put("peakDay", outputs.peakDay());
            event.put("decayDays", outputs.decayDays());
            events.add(event);
        }
        data.put("events", events);
        return json.writeValueAsString(data).replace("<", "\\u003c");
    }

    /** The followers chart's data: the month, and how many members followed at its end. */
    String followersJson(List<Follows.MonthlyFollowers> months, Locale locale) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("label", messages.getMessage("insight.series.followers", null, locale));
        data.put("months", months.stream().map(m -> m.month().toString()).toList());
        data.put("followers", months.stream().map(Follows.MonthlyFollowers::followers).toList());
        return json.writeValueAsString(data).replace("<", "\\u003c");
    }

    /**
     * The charts that would be empty, by element id, to be replaced by a sentence that says why: no events, no event
     * with a previous one to return from, none with check-ins, no cohort window that has passed, nobody following.
     */
    Set<String> empty(CommunityReport report, List<Follows.MonthlyFollowers> followers) {
        Set<String> empty = new HashSet<>();
        if (report.events().isEmpty()) {
            empty.addAll(List.of("chart-attendees", "chart-quarters"));
        }
        if (report.events().stream().allMatch(e -> e.returnRate() == null)) {
            empty.add("chart-return-rate");
        }
        if (report.events().stream().allMatch(e -> e.noShowRate() == null)) {
            empty.add("chart-no-show");
        }
        if (report.cohorts().stream().flatMap(c -> c.retention().stream()).allMatch(r -> r.share() == null)) {
            empty.add("chart-cohorts");
        }
        if (followers.stream().allMatch(m -> m.followers() == 0)) {
            empty.add("chart-followers");
        }
        return empty;
    }

    private List<Map<String, Object>> perEvent(CommunityReport report) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (EventKpis e : report.events()) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("label", DAY.format(e.startsAt().atZone(report.zone())) + " " + e.title());
            event.put("newcomers", e.newcomers());
            event.put("returning", e.returning());
            event.put("newcomerRatio", percent(e.newcomerRatio()));
            event.put("returnRate", percent(e.returnRate()));
            event.put("noShowRate", percent(e.noShowRate()));
            events.add(event);
        }
        return events;
    }

    /**
     * The events added up per month of the period (months without events included, with no ratios): a thousand bars
     * are hair-thin and their labels unreadable. Each ratio is the month's sum over the month's sum, as if the month
     * were one event, so a small event weighs as little as it counts.
     */
    private List<Map<String, Object>> months(CommunityReport report) {
        Map<YearMonth, List<EventKpis>> byMonth = new TreeMap<>();
        for (YearMonth m = YearMonth.from(report.period().from()); !m.isAfter(YearMonth.from(report.period().to()));
                m = m.plusMonths(1)) {
            byMonth.put(m, new ArrayList<>());
        }
        report.events().forEach(e -> byMonth.computeIfAbsent(YearMonth.from(e.startsAt().atZone(report.zone())),
                m -> new ArrayList<>()).add(e));
        List<Map<String, Object>> months = new ArrayList<>();
        byMonth.forEach((month, events) -> {
            int attendees = events.stream().mapToInt(EventKpis::attendees).sum();
            int newcomers = events.stream().mapToInt(EventKpis::newcomers).sum();
            List<EventKpis> following = events.stream().filter(e -> e.previousAttendees() != null).toList();
            List<EventKpis> checkedIn = events.stream().filter(e -> e.noShows() != null).toList();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", month + " (" + events.size() + ")");
            row.put("newcomers", newcomers);
            row.put("returning", attendees - newcomers);
            row.put("newcomerRatio", percent(Ratio.of(newcomers, attendees)));
            row.put("returnRate", percent(Ratio.of(following.stream().mapToInt(EventKpis::returningFromPrevious).sum(),
                    following.stream().mapToInt(EventKpis::previousAttendees).sum())));
            row.put("noShowRate", percent(Ratio.of(checkedIn.stream().mapToInt(EventKpis::noShows).sum(),
                    checkedIn.stream().mapToInt(EventKpis::confirmed).sum())));
            months.add(row);
        });
        return months;
    }

    private static Double percent(Double ratio) {
        return ratio == null ? null : Math.round(ratio * 1000) / 10.0;
    }
}
