package io.firstpin.registration.web;

import io.firstpin.identity.Role;
import io.firstpin.member.VisibleMembers;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.web.PagePart;
import io.firstpin.registration.NoShows;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A member's attendance record, the part of the staff member page that the registration module owns. */
@Controller
class MemberAttendanceRecordController {

    private final Organizations organizations;
    private final VisibleMembers members;
    private final NoShows noShows;

    MemberAttendanceRecordController(Organizations organizations, VisibleMembers members, NoShows noShows) {
        this.organizations = organizations;
        this.members = members;
        this.noShows = noShows;
    }

    @GetMapping("/manage/{org}/members/{id}/attendance-record")
    String part(@PathVariable String org, @PathVariable long id, HttpServletRequest request, Model model) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        members.open(organization.id(), id, Role.VIEWER);
        model.addAttribute("org", organization);
        model.addAttribute("record", noShows.ofMember(organization.id(), id));
        return PagePart.view("registration/member-record :: record", request, model);
    }
}
