package io.firstpin.insight.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.insight.CommunityKpis;
import io.firstpin.insight.LeaderBench;
import io.firstpin.insight.LeaderInsights;
import io.firstpin.insight.LeaderReport;
import io.firstpin.insight.Period;
import io.firstpin.insight.SelfRunning;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The dashboard's leader tables as CSV: the self-running index per quarter and per event, and the leader bench. */
@Controller
@RequestMapping("/manage/{org}/communities/{slug}/dashboard")
class LeaderCsvController {

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Organizations organizations;
    private final Communities communities;
    private final CommunityKpis kpis;
    private final LeaderInsights leaders;
    private final MessageSource messages;
    private final AccessGuard access;

    LeaderCsvController(Organizations organizations, Communities communities, CommunityKpis kpis,
            LeaderInsights leaders, MessageSource messages, AccessGuard access) {
        this.organizations = organizations;
        this.communities = communities;
        this.kpis = kpis;
        this.leaders = leaders;
        this.messages = messages;
        this.access = access;
    }

    @GetMapping("/self-running.csv")
    void selfRunningCsv(@PathVariable String org, @PathVariable String slug, DashboardQuery query,
            HttpServletResponse response) throws IOException {
        Subject subject = subject(org, slug, query);
        LeaderReport report = leaders.report(subject.community(), query.withBranches(), subject.period());
        Locale locale = LocaleContextHolder.getLocale();
        Map<Long, String> names = kpis.tree(subject.community()).stream()
                .collect(Collectors.toMap(Community::id, Community::name));
        try (CSVPrinter csv = csv(response, subject, "self-running")) {
            csv.printRecord(headers(locale, "quarter", "self-run", "staff-run", "unknown-organizers",
                    "self-running-index"));
            for (SelfRunning.Quarter q : report.selfRunning().quarters()) {
                csv.printRecord(q.quarter(), q.counts().selfRun(), q.counts().staffRun(), q.counts().unknown(),
                        CsvDownload.blankIfNull(q.counts().index()));
            }
            SelfRunning.Counts total = report.selfRunning().total();
            csv.printRecord(text("insight.column.period", locale), total.selfRun(), total.staffRun(), total.unknown(),
                    CsvDownload.blankIfNull(total.index()));
            csv.println();
            csv.printRecord(headers(locale, "date", "title", "community", "organized", "organizers"));
            for (SelfRunning.OrganizedEvent e : report.selfRunning().events()) {
                csv.printRecord(CSV_TIME.format(e.startsAt().atZone(subject.community().timeZone())),
                        CsvDownload.cell(e.title()), CsvDownload.cell(names.get(e.communityId())),
                        text("insight.organized." + e.organized(), locale),
                        CsvDownload.cell(String.join(" / ", e.organizers())));
            }
        }
    }

    @GetMapping("/leaders.csv")
    void leadersCsv(@PathVariable String org, @PathVariable String slug, DashboardQuery query,
            HttpServletResponse response) throws IOException {
        Subject subject = subject(org, slug, query);
        LeaderBench bench = leaders.report(subject.community(), query.withBranches(), subject.period()).bench();
        Locale locale = LocaleContextHolder.getLocale();
        try (CSVPrinter csv = csv(response, subject, "leaders")) {
            csv.printRecord(headers(locale, "community", "leader", "staff", "since", "tenure-days", "tenure-months"));
            for (LeaderBench.CommunityBench community : bench.communities()) {
                for (LeaderBench.Tenure leader : community.leaders()) {
                    csv.printRecord(CsvDownload.cell(community.name()), CsvDownload.cell(leader.displayName()), leader.staff(),
                            leader.startedOn(), leader.days(), leader.months());
                }
            }
            csv.println();
            csv.printRecord(headers(locale, "community", "active-leaders", "bench", "role-starts", "role-ends",
                    "rotations-per-year"));
            for (LeaderBench.CommunityBench community : bench.communities()) {
                csv.printRecord(CsvDownload.cell(community.name()), community.activeLeaders(),
                        text("leader.status." + community.status(), locale), community.roleStarts(),
                        community.roleEnds(), community.rotationsPerYear());
            }
        }
    }

    /** A CSV link whose dates were edited into nonsense: no file rather than one for another period. */
    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(Model model) {
        model.addAttribute("status", 400);
        return "error";
    }

    private Subject subject(String org, String slug, DashboardQuery query) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        Community community = communities.inOrganization(organization.id(), slug);
        access.require(organization.id(), community.id(), Role.VIEWER, "community " + slug);
        Community subject = kpis.withinTree(community, query.branch());
        return new Subject(subject, query.period(kpis.today(subject)));
    }

    private CSVPrinter csv(HttpServletResponse response, Subject subject, String table) throws IOException {
        return CsvDownload.open(response, subject.community().slug(), table, subject.period().from(),
                subject.period().to());
    }

    private List<String> headers(Locale locale, String... columns) {
        return Arrays.stream(columns).map(c -> text("insight.column." + c, locale)).toList();
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }



    private record Subject(Community community, Period period) {
    }
}
