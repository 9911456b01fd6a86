package io.firstpin.insight.web;

import io.firstpin.community.Community;
import io.firstpin.insight.LeaderInsights;
import io.firstpin.insight.LeaderReport;
import io.firstpin.insight.Period;
import io.firstpin.insight.SelfRunning;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's leader section (bench, self-running index per quarter): its model and the JSON its chart is drawn
 * from by {@code static/js/self-running.js}. The leader candidates come in a request of their own
 * ({@link CandidatesController}), so that they do not slow the dashboard down.
 */
@Component
class LeaderSection {

    private final LeaderInsights leaders;
    private final JsonMapper json;
    private final MessageSource messages;

    LeaderSection(LeaderInsights leaders, JsonMapper json, MessageSource messages) {
        this.leaders = leaders;
        this.json = json;
        this.messages = messages;
    }

    void addTo(Model model, Community subject, boolean withBranches, Period period, Locale locale) {
        LeaderReport report = leaders.report(subject, withBranches, period);
        model.addAttribute("leaderReport", report);
        model.addAttribute("selfRunningData", json(report.selfRunning(), locale));
    }

    private String json(SelfRunning selfRunning, Locale locale) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", Map.of(
                "index", text("insight.self-running.series.index", locale),
                "selfRun", text("insight.self-running.series.self-run", locale),
                "staffRun", text("insight.self-running.series.staff-run", locale),
                "unknown", text("insight.self-running.series.unknown", locale)));
        data.put("quarters", selfRunning.quarters().stream().map(q -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("quarter", q.quarter());
            row.put("selfRun", q.counts().selfRun());
            row.put("staffRun", q.counts().staffRun());
            row.put("unknown", q.counts().unknown());
            row.put("index", q.counts().index() == null ? null : Math.round(q.counts().index() * 1000) / 10.0);
            return row;
        }).toList());
        // "<" written as an escape, so no text in the data can close the script element
        return json.writeValueAsString(data).replace("<", "\\u003c");
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }
}
