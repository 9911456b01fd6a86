package io.firstpin.insight.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.insight.CommunityKpis;
import io.firstpin.insight.LoveAndReach;
import io.firstpin.insight.LoveReach;
import io.firstpin.insight.Period;
import io.firstpin.insight.Quadrant;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Love and reach as two axes for the dashboard's scope and period: the quadrant chart ({@code static/js/love-reach.js}),
 * the top members of each quadrant, those apart, and all of them as CSV.
 */
@Controller
@RequestMapping("/manage/{org}/communities/{slug}/dashboard/members")
class LoveReachController {

    private final Organizations organizations;
    private final Communities communities;
    private final CommunityKpis kpis;
    private final LoveReach loveReach;
    private final MessageSource messages;
    private final JsonMapper json;
    private final AccessGuard access;

    LoveReachController(Organizations organizations, Communities communities, CommunityKpis kpis, LoveReach loveReach,
            MessageSource messages, JsonMapper json, AccessGuard access) {
        this.organizations = organizations;
        this.communities = communities;
        this.kpis = kpis;
        this.loveReach = loveReach;
        this.messages = messages;
        this.json = json;
        this.access = access;
    }

    @GetMapping
    String page(@PathVariable String org, @PathVariable String slug, DashboardQuery query, Model model) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        Community community = communities.inOrganization(organization.id(), slug);
        access.require(organization.id(), community.id(), Role.VIEWER, "community " + slug);
        Community subject = kpis.withinTree(community, query.branch());
        Period period = query.period(kpis.today(subject));
        LoveAndReach result = loveReach.of(subject, query.withBranches(), period);
        Locale locale = LocaleContextHolder.getLocale();
        Map<Quadrant, List<LoveAndReach.Standing>> top = new LinkedHashMap<>();
        for (Quadrant quadrant : Quadrant.values()) {
            top.put(quadrant, result.in(quadrant).stream().limit(loveReach.top()).toList());
        }
        model.addAttribute("org", organization);
        model.addAttribute("community", community);
        model.addAttribute("subject", subject);
        model.addAttribute("tree", kpis.tree(community));
        model.addAttribute("result", result);
        model.addAttribute("top", top);
        model.addAttribute("limit", loveReach.top());
        model.addAttribute("chartData", chartJson(result, locale));
        model.addAttribute("csvQuery", query.withPeriod(period).asQueryString(subject.slug()));
        return "insight/love-reach";
    }

    @GetMapping("/members.csv")
    void csv(@PathVariable String org, @PathVariable String slug, DashboardQuery query, HttpServletResponse response)
            throws IOException {
        Organization organization = organizations.enter(org, Role.VIEWER);
        Community root = communities.inOrganization(organization.id(), slug);
        access.require(organization.id(), root.id(), Role.VIEWER, "community " + slug);
        Community subject = kpis.withinTree(root, query.branch());
        Period period = query.period(kpis.today(subject));
        LoveAndReach result = loveReach.of(subject, query.withBranches(), period);
        Locale locale = LocaleContextHolder.getLocale();
        try (CSVPrinter csv = CsvDownload.open(response, subject.slug(), "love-reach", period.from(), period.to())) {
            csv.printRecord(text("insight.column.member-id", locale), text("insight.column.member", locale),
                    text("insight.column.staff", locale), text("insight.column.love", locale),
                    text("insight.column.reach", locale), text("insight.column.quadrant", locale));
            List<LoveAndReach.Standing> all = new ArrayList<>(result.placed());
            all.addAll(result.unknownReach());
            all.addAll(result.staff());
            for (LoveAndReach.Standing s : all) {
                csv.printRecord(s.memberId(), CsvDownload.cell(s.displayName()), s.staff(), s.love(),
                        CsvDownload.blankIfNull(s.reach()), place(s, locale));
            }
        }
    }

    /** Dates edited into nonsense: no page rather than one for another period. */
    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(Model model) {
        model.addAttribute("status", 400);
        return "error";
    }

    private String place(LoveAndReach.Standing s, Locale locale) {
        if (s.staff()) {
            return text("insight.quadrant.staff", locale);
        }
        return s.quadrant() == null ? text("insight.quadrant.unknown-reach", locale)
                : text("insight.quadrant." + s.quadrant(), locale);
    }

    /**
     * One series per quadrant of [reach, love, name] points; reach is drawn on a log axis, where 0 cannot be, so a
     * reach of 0 is drawn at 1 (the tooltip says 0).
     */
    private String chartJson(LoveAndReach result, Locale locale) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", Map.of("love", text("insight.column.love", locale),
                "reach", text("insight.column.reach", locale)));
        List<Map<String, Object>> series = new ArrayList<>();
        for (Quadrant quadrant : Quadrant.values()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", text("insight.quadrant." + quadrant, locale));
            one.put("points", result.in(quadrant).stream()
                    .map(s -> List.<Object>of(Math.max(1, s.reach()), s.love(), s.displayName(), s.reach())).toList());
            series.add(one);
        }
        data.put("series", series);
        data.put("thresholds", Map.of("love", result.thresholds().love(),
                "reach", Math.max(1, result.thresholds().reach())));
        // "<" written as an escape, so no text in the data can close the script element
        return json.writeValueAsString(data).replace("<", "\\u003c");
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }
}
