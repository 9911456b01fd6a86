package io.firstpin.insight.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.insight.CommunityKpis;
import io.firstpin.insight.CommunityReport;
import io.firstpin.insight.EventSurveyScore;
import io.firstpin.insight.Footprint;
import io.firstpin.insight.SurveyScores;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.survey.SurveySummary;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The dashboard's survey results per event (NPS with its responses, CES and heat means) as CSV, for the same scope and
 * period as the rest of the dashboard. The numbers come from {@link SurveyScores}, which asks the survey module, so
 * they match the survey pages.
 */
@Controller
@RequestMapping("/manage/{org}/communities/{slug}/dashboard")
class SurveyScoresController {

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Organizations organizations;
    private final Communities communities;
    private final CommunityKpis kpis;
    private final SurveyScores scores;
    private final MessageSource messages;
    private final AccessGuard access;

    SurveyScoresController(Organizations organizations, Communities communities, CommunityKpis kpis,
            SurveyScores scores, MessageSource messages, AccessGuard access) {
        this.organizations = organizations;
        this.communities = communities;
        this.kpis = kpis;
        this.scores = scores;
        this.messages = messages;
        this.access = access;
    }

    @GetMapping("/surveys.csv")
    void surveysCsv(@PathVariable String org, @PathVariable String slug, DashboardQuery query,
            HttpServletResponse response) throws IOException {
        Organization organization = organizations.enter(org, Role.VIEWER);
        Community community = communities.inOrganization(organization.id(), slug);
        access.require(organization.id(), community.id(), Role.VIEWER, "community " + slug);
        Community subject = kpis.withinTree(community, query.branch());
        CommunityReport report = kpis.report(subject, query.withBranches(), query.period(kpis.today(subject)));
        Locale locale = LocaleContextHolder.getLocale();
        Map<Long, String> names = report.footprint().communities().stream()
                .collect(Collectors.toMap(Footprint.CommunityPace::communityId, Footprint.CommunityPace::name));
        try (CSVPrinter csv = CsvDownload.open(response, report.community().slug(), "surveys",
                report.period().from(), report.period().to())) {
            List<String> header = new ArrayList<>();
            for (String column : List.of("date", "title", "community", "attendees")) {
                header.add(messages.getMessage("insight.column." + column, null, locale));
            }
            for (String column : List.of("responses", "nps", "promoters", "passives", "detractors", "ces-mean",
                    "heat-mean")) {
                header.add(messages.getMessage("insight.survey.column." + column, null, locale));
            }
            csv.printRecord(header);
            for (EventSurveyScore row : scores.of(report)) {
                SurveySummary s = row.summary();
                csv.printRecord(CSV_TIME.format(row.startsAt().atZone(report.zone())), CsvDownload.cell(row.title()),
                        CsvDownload.cell(names.get(row.communityId())), row.attendees(), s.responses(), CsvDownload.blankIfNull(s.nps()),
                        s.promoters(), s.passives(), s.detractors(), CsvDownload.blankIfNull(s.cesMean()),
                        CsvDownload.blankIfNull(s.heatMean()));
            }
        }
    }


}
