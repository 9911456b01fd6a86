package io.firstpin.insight.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.follow.Follows;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.insight.Cohort;
import io.firstpin.insight.CommunityKpis;
import io.firstpin.insight.CommunityReport;
import io.firstpin.insight.EventKpis;
import io.firstpin.insight.Footprint;
import io.firstpin.insight.NewcomerBand;
import io.firstpin.insight.OutputImpact;
import io.firstpin.insight.OutputImpacts;
import io.firstpin.insight.Period;
import io.firstpin.insight.PeriodPreset;
import io.firstpin.insight.PeriodSummary;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.beans.factory.annotation.Value;
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

/**
 * The community dashboard: charts of the KPIs for a period, for the community, a branch or the whole tree, and the
 * tables behind the charts as CSV. Every number comes from {@link CommunityKpis}, as in the API.
 */
@Controller
@RequestMapping("/manage/{org}/communities/{slug}/dashboard")
class InsightPagesController {

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    /** Up to this many events outside the newcomer band get a note each; more are summed up in one. */
    private static final int NOTES_SHOWN = 3;

    private final Organizations organizations;
    private final Communities communities;
    private final CommunityKpis kpis;
    private final DashboardCharts charts;
    private final MessageSource messages;
    private final LeaderSection leaderSection;
    private final OutputImpacts impacts;
    private final int tableRows;
    private final AccessGuard access;
    private final Follows follows;

    InsightPagesController(Organizations organizations, Communities communities, CommunityKpis kpis,
            DashboardCharts charts, MessageSource messages, LeaderSection leaderSection, OutputImpacts impacts,
            AccessGuard access, Follows follows,
            @Value("${firstpin.insight.dashboard-table-rows:50}") int tableRows) {
        this.follows = follows;
        this.tableRows = tableRows;
        this.access = access;
        this.leaderSection = leaderSection;
        this.organizations = organizations;
        this.communities = communities;
        this.kpis = kpis;
        this.charts = charts;
        this.messages = messages;
        this.impacts = impacts;
    }

    @GetMapping
    String dashboard(@PathVariable String org, @PathVariable String slug, DashboardQuery picked, Model model) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        Community community = communities.inOrganization(organization.id(), slug);
        access.require(organization.id(), community.id(), Role.VIEWER, "community " + slug);
        Community subject = kpis.withinTree(community, picked.branch());
        DashboardQuery query = picked.branchesByDefault(kpis.tree(subject).size() > 1);
        Period period;
        try {
            period = query.period(kpis.today(subject));
        } catch (InvalidInputException e) {
            model.addAttribute("periodError", e.problems().get(0).code());
            period = Period.lastTwelveMonths(kpis.today(subject));
        }
        CommunityReport report = kpis.report(subject, query.withBranches(), period);
        PeriodSummary previous = previousOf(subject, query.withBranches(), period);
        model.addAttribute("headlines", DashboardHeadlines.of(PeriodSummary.of(report), previous));
        model.addAttribute("previousPeriod", previous == null ? null : previous.period());
        model.addAttribute("presets", Arrays.asList(PeriodPreset.values()));
        model.addAttribute("preset", PeriodPreset.parse(query.preset()).map(PeriodPreset::key).orElse("custom"));
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("org", organization);
        model.addAttribute("community", community);
        model.addAttribute("tree", kpis.tree(community));
        model.addAttribute("report", report);
        // the page's per-event tables show the latest events (the charts and the CSVs have all of them): a year of a
        // large tree is a thousand events, megabytes of HTML nobody reads row by row
        List<EventKpis> events = report.events();
        List<EventKpis> tableEvents = events.subList(Math.max(0, events.size() - tableRows), events.size());
        model.addAttribute("tableEvents", tableEvents);
        model.addAttribute("names", names(report));
        model.addAttribute("windows", Cohort.WINDOWS);
        model.addAttribute("notes", notes(report, locale));
        model.addAttribute("chartData", charts.json(report, locale));
        model.addAttribute("perMonth", events.size() > DashboardCharts.PER_MONTH_ABOVE);
        model.addAttribute("perMonthAbove", DashboardCharts.PER_MONTH_ABOVE);
        model.addAttribute("csvQuery", query.withPeriod(period).asQueryString(subject.slug()));
        leaderSection.addTo(model, subject, query.withBranches(), period, locale);
        OutputImpact impact = impacts.of(report);
        model.addAttribute("impact", impact);
        model.addAttribute("outputChartData", charts.outputsJson(report, impact, tableEvents, locale));
        List<Follows.MonthlyFollowers> followers = follows.followersByMonth(
                report.withBranches() ? kpis.tree(subject).stream().map(Community::id).toList() : List.of(subject.id()),
                YearMonth.from(period.from()), YearMonth.from(period.to()), report.zone());
        model.addAttribute("followers", followers);
        model.addAttribute("emptyCharts", charts.empty(report, followers));
        model.addAttribute("followersChartData", charts.followersJson(followers, locale));
        return "insight/dashboard";
    }

    /** The period of as many days just before, for the headline numbers' comparison; none before the year 1900. */
    private PeriodSummary previousOf(Community subject, boolean withBranches, Period period) {
        try {
            return kpis.summary(subject, withBranches, period.previous());
        } catch (InvalidInputException e) {
            return null;
        }
    }

    @GetMapping("/events.csv")
    void eventsCsv(@PathVariable String org, @PathVariable String slug, DashboardQuery query,
            HttpServletResponse response) throws IOException {
        CommunityReport report = reportFor(org, slug, query);
        Locale locale = LocaleContextHolder.getLocale();
        Map<Long, String> names = names(report);
        try (CSVPrinter csv = csv(response, report, "events")) {
            csv.printRecord(headers(locale, "date", "title", "community", "attendance-by", "attendees", "newcomers",
                    "newcomer-ratio", "returning", "return-rate", "no-show-rate", "confirmed", "no-shows", "staff", "new-to-organization"));
            for (EventKpis e : report.events()) {
                csv.printRecord(CSV_TIME.format(e.startsAt().atZone(report.zone())), CsvDownload.cell(e.title()),
                        CsvDownload.cell(names.get(e.communityId())), text("insight.attendance-by." + e.attendanceBy(), locale),
                        e.attendees(), e.newcomers(), CsvDownload.blankIfNull(e.newcomerRatio()),
                        CsvDownload.blankIfNull(e.returningFromPrevious()), CsvDownload.blankIfNull(e.returnRate()),
                        CsvDownload.blankIfNull(e.noShowRate()), e.confirmed(), CsvDownload.blankIfNull(e.noShows()), e.staffAttendees(),
                        e.newToOrganization());
            }
        }
    }

    @GetMapping("/cohorts.csv")
    void cohortsCsv(@PathVariable String org, @PathVariable String slug, DashboardQuery query,
            HttpServletResponse response) throws IOException {
        CommunityReport report = reportFor(org, slug, query);
        Locale locale = LocaleContextHolder.getLocale();
        try (CSVPrinter csv = csv(response, report, "cohorts")) {
            List<String> header = new ArrayList<>(headers(locale, "cohort", "members"));
            Cohort.WINDOWS.forEach(months -> header.add(messages.getMessage("insight.column.within",
                    new Object[] {months}, locale)));
            csv.printRecord(header);
            for (Cohort cohort : report.cohorts()) {
                List<Object> row = new ArrayList<>(List.of(cohort.month().toString(), cohort.members()));
                cohort.retention().forEach(r -> row.add(CsvDownload.blankIfNull(r.share())));
                csv.printRecord(row);
            }
        }
    }

    @GetMapping("/footprint.csv")
    void footprintCsv(@PathVariable String org, @PathVariable String slug, DashboardQuery query,
            HttpServletResponse response) throws IOException {
        CommunityReport report = reportFor(org, slug, query);
        Locale locale = LocaleContextHolder.getLocale();
        try (CSVPrinter csv = csv(response, report, "footprint")) {
            csv.printRecord(headers(locale, "community", "events", "median-days", "first-event", "days-to-first"));
            for (Footprint.CommunityPace pace : report.footprint().communities()) {
                csv.printRecord(CsvDownload.cell(pace.name()), pace.events(), CsvDownload.blankIfNull(pace.medianDaysBetweenEvents()),
                        pace.firstEventAt() == null ? "" : CSV_TIME.format(pace.firstEventAt().atZone(report.zone())),
                        CsvDownload.blankIfNull(pace.daysFromCreationToFirstEvent()));
            }
            csv.println();
            csv.printRecord(headers(locale, "quarter", "events"));
            for (Footprint.QuarterCount quarter : report.footprint().eventsPerQuarter()) {
                csv.printRecord(quarter.quarter(), quarter.events());
            }
        }
    }

    /**
     * Per event the output rate, the peak and the decay; the community-to-media ratio; then the outputs per day around
     * each event, day 0 being the day it started.
     */
    @GetMapping("/outputs.csv")
    void outputsCsv(@PathVariable String org, @PathVariable String slug, DashboardQuery query,
            HttpServletResponse response) throws IOException {
        CommunityReport report = reportFor(org, slug, query);
        OutputImpact impact = impacts.of(report);
        Locale locale = LocaleContextHolder.getLocale();
        try (CSVPrinter csv = csv(response, report, "outputs")) {
            csv.printRecord(headers(locale, "date", "title", "attendees", "outputs", "attendee-authors",
                    "output-rate", "peak-day", "peak", "decay-days"));
            for (EventKpis e : report.events()) {
                OutputImpact.EventImpact outputs = impact.of(e.id()).orElseThrow();
                csv.printRecord(CSV_TIME.format(e.startsAt().atZone(report.zone())), CsvDownload.cell(e.title()),
                        e.attendees(), e.outputs(), outputs.attendeeAuthors(), CsvDownload.blankIfNull(outputs.outputRate()),
                        CsvDownload.blankIfNull(outputs.peakDay()), outputs.peak(), CsvDownload.blankIfNull(outputs.decayDays()));
            }
            csv.println();
            csv.printRecord(headers(locale, "community-outputs", "media-articles", "community-to-media"));
            csv.printRecord(impact.communityOutputs(), impact.mediaArticles(),
                    CsvDownload.blankIfNull(impact.communityToMediaRatio()));
            csv.println();
            List<String> days = new ArrayList<>(headers(locale, "date", "title"));
            for (int day = OutputImpact.EventImpact.FIRST_DAY; day <= OutputImpact.EventImpact.LAST_DAY; day++) {
                days.add(String.valueOf(day));
            }
            csv.printRecord(days);
            for (EventKpis e : report.events()) {
                List<Object> row = new ArrayList<>(List.of(CSV_TIME.format(e.startsAt().atZone(report.zone())),
                        CsvDownload.cell(e.title())));
                row.addAll(impact.of(e.id()).orElseThrow().perDay());
                csv.printRecord(row);
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

    private CommunityReport reportFor(String org, String slug, DashboardQuery query) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        Community community = communities.inOrganization(organization.id(), slug);
        access.require(organization.id(), community.id(), Role.VIEWER, "community " + slug);
        Community subject = kpis.withinTree(community, query.branch());
        return kpis.report(subject, query.withBranches(), query.period(kpis.today(subject)));
    }

    /**
     * A note per event outside the newcomer band, or, when more are, one note that sums them up: a page of advice
     * sentences is read by nobody. The events table marks each of them and the events CSV has every ratio.
     */
    private List<String> notes(CommunityReport report, Locale locale) {
        List<EventKpis> outside = report.outsideNewcomerBand();
        NewcomerBand band = report.newcomerBand();
        if (outside.size() > NOTES_SHOWN) {
            long below = outside.stream().filter(e -> e.against(band) == NewcomerBand.Position.BELOW).count();
            return List.of(messages.getMessage("insight.notes.grouped", new Object[] {outside.size(),
                    report.eventsTheBandAppliesTo(), band.minPercent(), band.maxPercent(), below,
                    outside.size() - below}, locale));
        }
        Map<Long, String> names = names(report);
        return outside.stream()
                .map(e -> messages.getMessage("insight.note." + e.against(band),
                        new Object[] {e.title() + " (" + DATE.format(e.startsAt().atZone(report.zone()))
                                + (report.withBranches() ? ", " + names.get(e.communityId()) : "") + ")",
                                Math.round(e.newcomerRatio() * 100), band.minPercent(), band.maxPercent()}, locale))
                .toList();
    }

    private static Map<Long, String> names(CommunityReport report) {
        return report.footprint().communities().stream()
                .collect(Collectors.toMap(Footprint.CommunityPace::communityId, Footprint.CommunityPace::name));
    }

    private CSVPrinter csv(HttpServletResponse response, CommunityReport report, String table) throws IOException {
        return CsvDownload.open(response, report.community().slug(), table, report.period().from(),
                report.period().to());
    }

    private List<String> headers(Locale locale, String... columns) {
        return Arrays.stream(columns).map(c -> text("insight.column." + c, locale)).toList();
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }


}
