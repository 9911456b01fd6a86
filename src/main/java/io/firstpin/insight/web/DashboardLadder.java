package io.firstpin.insight.web;

import io.firstpin.insight.LadderReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The funnel's data of a ladder as JSON for a {@code <script type="application/json">} block drawn by
 * {@code static/js/ladder.js}.
 */
@Component
class DashboardLadder {

    private final JsonMapper json;
    private final MessageSource messages;

    DashboardLadder(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    String chartJson(LadderReport report, Locale locale) {
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
