package io.firstpin.insight.web;

import io.firstpin.insight.CommunityReport;
import io.firstpin.insight.EventSurveyScore;
import io.firstpin.insight.SurveyScores;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's survey section, which the template asks for itself ({@code @dashboardSurveys}) so that it stays
 * apart from the other KPIs: one row per event of the report, and the chart's data as JSON for a
 * {@code <script type="application/json">} block.
 */
@Component
public class DashboardSurveys {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final SurveyScores scores;
    private final JsonMapper json;
    private final MessageSource messages;

    DashboardSurveys(SurveyScores scores, JsonMapper json, MessageSource messages) {
        this.scores = scores;
        this.json = json;
        this.messages = messages;
    }

    public List<EventSurveyScore> rows(CommunityReport report) {
        return scores.of(report);
    }

    /** The last {@code count} rows, for the page's table (the chart and the CSV have them all). */
    public List<EventSurveyScore> latest(List<EventSurveyScore> rows, int count) {
        return rows.subList(Math.max(0, rows.size() - count), rows.size());
    }

    public String chartJson(CommunityReport report, List<EventSurveyScore> rows, Locale locale) {
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (String key : List.of("nps", "ces-mean", "heat-mean", "responses")) {
            labels.put(key, messages.getMessage("insight.survey.series." + key, null, locale));
        }
        data.put("labels", labels);
        List<Map<String, Object>> events = new ArrayList<>();
        for (EventSurveyScore row : rows) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("label", DAY.format(row.startsAt().atZone(report.zone())) + " " + row.title());
            event.put("responses", row.summary().responses());
            event.put("nps", row.summary().nps());
            event.put("cesMean", row.summary().cesMean());
            event.put("heatMean", row.summary().heatMean());
            events.add(event);
        }
        data.put("events", events);
        // "<" written as an escape, so no text in the data can close the script element
        return json.writeValueAsString(data).replace("<", "\\u003c");
    }
}
