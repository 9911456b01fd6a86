package io.firstpin.insight.web;

import io.firstpin.insight.CommunityReport;
import io.firstpin.insight.Ladder;
import io.firstpin.insight.LadderReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's ladder section, which the template asks for itself ({@code @dashboardLadder}) so that it stays apart
 * from the other KPIs: the ladder of the report's scope at the end of its period, and the funnel's data as JSON for a
 * {@code <script type="application/json">} block drawn by {@code static/js/ladder.js}.
 */
@Component
public class DashboardLadder {

    private final Ladder ladder;
    private final JsonMapper json;
    private final MessageSource messages;

    DashboardLadder(Ladder ladder, JsonMapper json, MessageSource messages) {
        this.ladder = ladder;
        this.json = json;
        this.messages = messages;
    }

    public LadderReport of(CommunityReport report) {
        return ladder.of(report.community(), report.withBranches(), report.period());
    }

    public String chartJson(LadderReport report, Locale locale) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("label", messages.getMessage("insight.ladder.series.members", null, locale));
        List<Map<String, Object>> steps = report.rungs().stream().map(rung -> {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("name", messages.getMessage("insight.ladder.step." + rung.step(), null, locale));
            step.put("value", rung.members());
            return step;
        }).toList();
        data.put("steps", steps);
        // "<" written as an escape, so no text in the data can close the script element
        return json.writeValueAsString(data).replace("<", "\\u003c");
    }
}
