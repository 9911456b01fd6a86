package io.firstpin.leadership.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.leadership.LeaderRoles;
import io.firstpin.leadership.LeaderRoles.Leader;
import io.firstpin.member.VisibleMembers;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The community's leaders page: who leads it now and since when, appointing a member found by name, stepping down,
 * and the past leaders.
 */
@Controller
@RequestMapping("/manage/{org}/communities/{slug}/leaders")
class LeaderPagesController {

    private static final int SEARCH_RESULTS = 10;

    private final Organizations organizations;
    private final Communities communities;
    private final LeaderRoles leaders;
    private final VisibleMembers members;
    private final MessageSource messages;
    private final AccessGuard access;

    LeaderPagesController(Organizations organizations, Communities communities, LeaderRoles leaders, VisibleMembers members,
            MessageSource messages, AccessGuard access) {
        this.organizations = organizations;
        this.communities = communities;
        this.leaders = leaders;
        this.members = members;
        this.messages = messages;
        this.access = access;
    }

    @GetMapping
    String page(@PathVariable String org, @PathVariable String slug, @RequestParam(required = false) String q,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        Community community = communities.inOrganization(organization.id(), slug);
        access.require(organization.id(), community.id(), Role.VIEWER, "community " + slug);
        response.addHeader("Vary", "HX-Request");
        fill(model, organization, community, q);
        return htmx != null && q != null ? "leadership/leaders :: search-results" : "leadership/leaders";
    }

    @PostMapping
    String appoint(@PathVariable String org, @PathVariable String slug, @RequestParam(required = false) Long memberId,
            @RequestParam(required = false) String startedOn, Model model, HttpServletResponse response) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        Community community = communities.inOrganization(organization.id(), slug);
        access.require(organization.id(), community.id(), Role.COMMUNITY_LEADER, "community " + slug);
        try {
            if (memberId == null) {
                throw InvalidInputException.of("memberId", "leader.member.required");
            }
            access.requireMember(organization.id(), memberId, Role.COMMUNITY_LEADER, "member " + memberId);
            leaders.appoint(community, memberId, date("startedOn", startedOn, leaders.today(community)), null);
            return "redirect:/manage/" + org + "/communities/" + slug + "/leaders";
        } catch (InvalidInputException e) {
            return refused(model, organization, community, e.problems().get(0).code(),
                    e.problems().get(0).args().toArray(), response);
        } catch (ConflictException e) {
            return refused(model, organization, community, e.code(), e.args().toArray(), response);
        }
    }

    @PostMapping("/{id}/step-down")
    String stepDown(@PathVariable String org, @PathVariable String slug, @PathVariable long id,
            @RequestParam(required = false) String endedOn, Model model, HttpServletResponse response) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        Community community = communities.inOrganization(organization.id(), slug);
        access.require(organization.id(), community.id(), Role.COMMUNITY_LEADER, "community " + slug);
        try {
            leaders.stepDown(community, id, date("endedOn", endedOn, leaders.today(community)));
            return "redirect:/manage/" + org + "/communities/" + slug + "/leaders";
        } catch (InvalidInputException e) {
            return refused(model, organization, community, e.problems().get(0).code(),
                    e.problems().get(0).args().toArray(), response);
        }
    }

    private String refused(Model model, Organization organization, Community community, String code, Object[] args,
            HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("error", messages.getMessage(code, args, code, LocaleContextHolder.getLocale()));
        fill(model, organization, community, null);
        return "leadership/leaders";
    }

    private void fill(Model model, Organization organization, Community community, String q) {
        LocalDate today = leaders.today(community);
        List<Leader> all = leaders.history(community);
        List<Leader> current = all.stream().filter(l -> l.role().activeOn(today))
                .sorted((a, b) -> a.role().startedOn().compareTo(b.role().startedOn())).toList();
        model.addAttribute("org", organization);
        model.addAttribute("community", community);
        model.addAttribute("today", today);
        model.addAttribute("current", current);
        model.addAttribute("upcoming", all.stream().filter(l -> l.role().startedOn().isAfter(today)).toList());
        model.addAttribute("past", all.stream().filter(l -> l.role().ended() && l.role().endedOn().isBefore(today))
                .toList());
        model.addAttribute("target", leaders.target());
        model.addAttribute("status", leaders.status(current.size()));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("found", q == null || q.isBlank() ? List.of()
                : members.search(organization.id(), q, 0, SEARCH_RESULTS).members());
    }

    private static LocalDate date(String field, String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return today;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "leader.date.invalid");
        }
    }
}
