package io.firstpin.insight.web;

import io.firstpin.identity.Role;
import io.firstpin.insight.LoveReach;
import io.firstpin.member.VisibleMembers;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.web.PagePart;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A member's love, reach and quadrant per community, which the staff member page loads with htmx once shown: each
 * community's standing is computed over its whole year, seconds for a member active in many large communities.
 */
@Controller
class MemberLoveReachController {

    private final Organizations organizations;
    private final VisibleMembers members;
    private final LoveReach loveReach;

    MemberLoveReachController(Organizations organizations, VisibleMembers members, LoveReach loveReach) {
        this.organizations = organizations;
        this.members = members;
        this.loveReach = loveReach;
    }

    @GetMapping("/manage/{org}/members/{id}/love-reach")
    String standings(@PathVariable String org, @PathVariable long id, HttpServletRequest request, Model model) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        members.open(organization.id(), id, Role.VIEWER);
        model.addAttribute("org", organization);
        model.addAttribute("standings", loveReach.ofMember(organization.id(), id));
        return PagePart.view("insight/member-love-reach :: member", request, model);
    }
}
