package io.firstpin.insight.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.insight.CommunityKpis;
import io.firstpin.insight.LeaderCandidate;
import io.firstpin.insight.LeaderCandidates;
import io.firstpin.insight.LeaderInsights;
import io.firstpin.insight.Period;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.web.PagePart;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * The dashboard's leader candidates, ranked by love with their reasons: a part of the page that htmx loads once the
 * page is shown, as it reads the scope's activity of the whole love window.
 */
@Controller
@RequestMapping("/manage/{org}/communities/{slug}/dashboard/candidates")
class CandidatesController {

    private final Organizations organizations;
    private final Communities communities;
    private final CommunityKpis kpis;
    private final LeaderInsights leaders;
    private final MessageSource messages;
    private final AccessGuard access;

    CandidatesController(Organizations organizations, Communities communities, CommunityKpis kpis,
            LeaderInsights leaders, MessageSource messages, AccessGuard access) {
        this.organizations = organizations;
        this.communities = communities;
        this.kpis = kpis;
        this.leaders = leaders;
        this.messages = messages;
        this.access = access;
    }

    @GetMapping
    String candidates(@PathVariable String org, @PathVariable String slug, DashboardQuery query,
            HttpServletRequest request, Model model) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        Community community = communities.inOrganization(organization.id(), slug);
        access.require(organization.id(), community.id(), Role.VIEWER, "community " + slug);
        Community subject = kpis.withinTree(community, query.branch());
        Period period = query.period(kpis.today(subject));
        LeaderCandidates candidates = leaders.candidates(subject, query.withBranches(), period);
        model.addAttribute("org", organization);
        model.addAttribute("subject", subject);
        model.addAttribute("candidates", candidates);
        model.addAttribute("candidateReasons", reasons(candidates, LocaleContextHolder.getLocale()));
        return PagePart.view("insight/leaders :: candidates", request, model);
    }

    /** Dates edited into nonsense: no list rather than one for another period. */
    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(Model model) {
        model.addAttribute("status", 400);
        return "error";
    }

    /** "attended 9 of the last 12 events, 2 LTs, 3 outputs", per candidate's member id. */
    private Map<Long, String> reasons(LeaderCandidates candidates, Locale locale) {
        Map<Long, String> reasons = new LinkedHashMap<>();
        List<LeaderCandidate> all = new ArrayList<>(candidates.members());
        all.addAll(candidates.staff());
        for (LeaderCandidate c : all) {
            List<String> parts = new ArrayList<>();
            if (c.recentEvents() > 0) {
                parts.add(text("insight.love.reason.recent", locale, c.attendedRecent(), c.recentEvents()));
            }
            add(parts, "insight.love.reason.attended", c.attended(), locale);
            add(parts, "insight.love.reason.lt", c.lightningTalks(), locale);
            add(parts, "insight.love.reason.case-study", c.caseStudies(), locale);
            add(parts, "insight.love.reason.outputs", c.outputs(), locale);
            add(parts, "insight.love.reason.organized", c.organized(), locale);
            reasons.put(c.memberId(), String.join(text("insight.love.reason.separator", locale), parts));
        }
        return reasons;
    }

    private void add(List<String> parts, String code, int count, Locale locale) {
        if (count > 0) {
            parts.add(text(code, locale, count));
        }
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }
}
