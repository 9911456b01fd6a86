package io.firstpin.survey.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.event.VisibleEvents;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.survey.SurveySummary;
import io.firstpin.survey.Surveys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

/** Staff view of an event's survey: the numbers, the distributions as charts, the comments. */
@Controller
class StaffSurveyController {

    private final Organizations organizations;
    private final Communities communities;
    private final Events events;
    private final Surveys surveys;
    private final JsonMapper json;
    private final MessageSource messages;
    private final VisibleEvents visibleEvents;
    private final AccessGuard access;

    StaffSurveyController(Organizations organizations, Communities communities, Events events, Surveys surveys,
            JsonMapper json, MessageSource messages, VisibleEvents visibleEvents, AccessGuard access) {
        this.organizations = organizations;
        this.communities = communities;
        this.events = events;
        this.surveys = surveys;
        this.json = json;
        this.messages = messages;
        this.visibleEvents = visibleEvents;
        this.access = access;
    }

    @GetMapping("/manage/{org}/events/{id}/survey")
    String results(@PathVariable String org, @PathVariable long id, Model model, Locale locale) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        visibleEvents.open(organization.id(), id, Role.VIEWER);
        EventSummary event = events.summary(id).orElseThrow();
        SurveySummary summary = surveys.summary(organization.id(), id);
        List<Surveys.QuestionResult> questionResults = surveys.questionResults(organization.id(), id);
        model.addAttribute("org", organization);
        model.addAttribute("event", event);
        model.addAttribute("zone", event.timeZone());
        model.addAttribute("summary", summary);
        model.addAttribute("window", surveys.windowOf(id));
        model.addAttribute("respondents", surveys.respondents(organization.id(), id));
        model.addAttribute("questionResults", questionResults);
        model.addAttribute("chartData", chartData(summary, questionResults, locale));
        model.addAttribute("community", communities.inOrganization(organization.id(), event.communityId()));
        return "survey/staff-results";
    }

    /** NPS, CES and heat event after event, for a community with its branches. */
    @GetMapping("/manage/{org}/communities/{slug}/surveys")
    String overTime(@PathVariable String org, @PathVariable String slug, Model model, Locale locale) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        Community community = communities.inOrganization(organization.id(), slug);
        access.requireReader(organization.id(), community.id(), "community " + slug);
        List<Surveys.EventSurvey> trend = surveys.overTime(organization.id(), communities.withBranches(community));
        model.addAttribute("org", organization);
        model.addAttribute("community", community);
        model.addAttribute("trend", trend);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", trend.stream().map(e -> e.title()).toList());
        data.put("nps", trend.stream().map(e -> e.summary().nps()).toList());
        data.put("heat", trend.stream().map(e -> e.summary().heatMean()).toList());
        data.put("npsLabel", messages.getMessage("survey.chart.nps-trend", null, locale));
        data.put("heatLabel", messages.getMessage("survey.chart.heat-trend", null, locale));
        model.addAttribute("chartData", json.writeValueAsString(Map.of("trend", data)).replace("<", "\\u003c"));
        return "survey/community";
    }

    private String chartData(SurveySummary summary, List<Surveys.QuestionResult> questionResults, Locale locale) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("nps", Map.of("label", messages.getMessage("survey.chart.nps", null, locale), "first", 0,
                "counts", summary.npsDistribution()));
        data.put("ces", Map.of("label", messages.getMessage("survey.chart.ces", null, locale), "first", 1,
                "counts", summary.cesDistribution()));
        data.put("heat", Map.of("label", messages.getMessage("survey.chart.heat", null, locale), "first", 1,
                "counts", summary.heatDistribution()));
        // the event's own choice and scale questions, drawn into chart-question-<id>
        data.put("questions", questionResults.stream().filter(r -> !r.question().categories().isEmpty())
                .map(r -> Map.of("id", r.question().id(), "label", r.question().wording(),
                        "categories", r.question().categories(), "counts", r.counts()))
                .toList());
        return json.writeValueAsString(data).replace("<", "\\u003c");
    }
}
