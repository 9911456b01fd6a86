package io.firstpin.insight.web;

import io.firstpin.identity.Role;
import io.firstpin.insight.MemberTimelines;
import io.firstpin.member.VisibleMembers;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.web.PagePart;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A member's ladder steps and activity timeline, the part of the staff member page that the insight module owns. */
@Controller
class MemberActivityController {

    private final Organizations organizations;
    private final VisibleMembers members;
    private final MemberTimelines timelines;

    MemberActivityController(Organizations organizations, VisibleMembers members, MemberTimelines timelines) {
        this.organizations = organizations;
        this.members = members;
        this.timelines = timelines;
    }

    @GetMapping("/manage/{org}/members/{id}/activity")
    String part(@PathVariable String org, @PathVariable long id, HttpServletRequest request, Model model) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        members.open(organization.id(), id, Role.VIEWER);
        model.addAttribute("org", organization);
        model.addAttribute("activity", timelines.of(organization.id(), id));
        return PagePart.view("insight/member-activity :: activity", request, model);
    }
}
