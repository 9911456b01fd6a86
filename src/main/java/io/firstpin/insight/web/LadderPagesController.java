package io.firstpin.insight.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.insight.CommunityKpis;
import io.firstpin.insight.Ladder;
import io.firstpin.insight.LadderReport;
import io.firstpin.insight.Period;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.web.PagePart;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

/** The dashboard's ladder as CSV: the steps, and every member ready for their next step (not only those shown). */
@Controller
@RequestMapping("/manage/{org}/communities/{slug}/dashboard")
class LadderPagesController {

    private final Organizations organizations;
    private final Communities communities;
    private final CommunityKpis kpis;
    private final Ladder ladder;
    private final DashboardLadder section;
    private final MessageSource messages;
    private final AccessGuard access;

    LadderPagesController(Organizations organizations, Communities communities, CommunityKpis kpis, Ladder ladder,
            DashboardLadder section, MessageSource messages, AccessGuard access) {
        this.section = section;
        this.organizations = organizations;
        this.communities = communities;
        this.kpis = kpis;
        this.ladder = ladder;
        this.messages = messages;
        this.access = access;
    }

    /**
     * The dashboard's ladder section, which the page loads with htmx after it is shown: the ladder reads the scope's
     * whole history, seconds on a large organization, and the rest of the dashboard need not wait for it.
     */
    @GetMapping("/ladder")
    String section(@PathVariable String org, @PathVariable String slug, DashboardQuery query,
            HttpServletRequest request, Model model) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        Community community = communities.inOrganization(organization.id(), slug);
        access.require(organization.id(), community.id(), Role.VIEWER, "community " + slug);
        Community subject = kpis.withinTree(community, query.branch());
        Period period = query.period(kpis.today(subject));
        LadderReport report = ladder.of(subject, query.withBranches(), period, Ladder.SHOWN);
        model.addAttribute("org", organization);
        model.addAttribute("ladder", report);
        model.addAttribute("ladderData", section.chartJson(report, LocaleContextHolder.getLocale()));
        model.addAttribute("base", "/manage/" + organization.slug() + "/communities/" + community.slug() + "/dashboard");
        model.addAttribute("csvQuery", query.withPeriod(period).asQueryString(subject.slug()));
        return PagePart.view("insight/ladder :: content", request, model);
    }

    @GetMapping("/ladder.csv")
    void ladderCsv(@PathVariable String org, @PathVariable String slug, DashboardQuery query,
            HttpServletResponse response) throws IOException {
        LadderReport report = report(org, slug, query, Ladder.SHOWN);
        Locale locale = LocaleContextHolder.getLocale();
        try (CSVPrinter csv = csv(response, report, "ladder")) {
            csv.printRecord(headers(locale, "step", "members", "reached-in-period", "conversion", "median-days",
                    "staff", "skipped-previous", "previous-later"));
            for (LadderReport.Rung rung : report.rungs()) {
                csv.printRecord(text("insight.ladder.step." + rung.step(), locale), rung.members(),
                        rung.reachedInPeriod(), CsvDownload.blankIfNull(rung.conversionFromPrevious()),
                        CsvDownload.blankIfNull(rung.medianDaysFromPrevious()), rung.staff(), rung.skippedPrevious(),
                        rung.previousLater());
            }
        }
    }

    @GetMapping("/ladder-ready.csv")
    void readyCsv(@PathVariable String org, @PathVariable String slug, DashboardQuery query,
            HttpServletResponse response) throws IOException {
        LadderReport report = report(org, slug, query, Integer.MAX_VALUE);
        Locale locale = LocaleContextHolder.getLocale();
        try (CSVPrinter csv = csv(response, report, "ladder-ready")) {
            csv.printRecord(headers(locale, "ready-for", "member-id", "member", "events-attended", "last-active"));
            for (LadderReport.ReadyList list : report.ready()) {
                String readyFor = text("insight.ladder.step." + list.next(), locale);
                for (LadderReport.ReadyMember member : list.members()) {
                    csv.printRecord(readyFor, member.memberId(), CsvDownload.cell(member.displayName()),
                            member.eventsAttended(), member.lastActiveOn());
                }
            }
        }
    }

    /** A link whose dates were edited into nonsense: nothing rather than the ladder of another period. */
    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(Model model) {
        model.addAttribute("status", 400);
        return "error";
    }

    private LadderReport report(String org, String slug, DashboardQuery query, int shown) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        Community community = communities.inOrganization(organization.id(), slug);
        access.require(organization.id(), community.id(), Role.VIEWER, "community " + slug);
        Community subject = kpis.withinTree(community, query.branch());
        return ladder.of(subject, query.withBranches(), query.period(kpis.today(subject)), shown);
    }

    private CSVPrinter csv(HttpServletResponse response, LadderReport report, String table) throws IOException {
        return CsvDownload.open(response, report.community().slug(), table, report.period().from(),
                report.period().to());
    }

    private List<String> headers(Locale locale, String... columns) {
        return Arrays.stream(columns).map(c -> text("insight.ladder.column." + c, locale)).toList();
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }
}
