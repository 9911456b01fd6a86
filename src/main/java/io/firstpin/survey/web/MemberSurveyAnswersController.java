package io.firstpin.survey.web;

import io.firstpin.identity.Role;
import io.firstpin.member.VisibleMembers;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.web.PagePart;
import io.firstpin.survey.Surveys;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A member's named survey answers, the part of the staff member page that the survey module owns. */
@Controller
class MemberSurveyAnswersController {

    private final Organizations organizations;
    private final VisibleMembers members;
    private final Surveys surveys;

    MemberSurveyAnswersController(Organizations organizations, VisibleMembers members, Surveys surveys) {
        this.organizations = organizations;
        this.members = members;
        this.surveys = surveys;
    }

    @GetMapping("/manage/{org}/members/{id}/survey-answers")
    String part(@PathVariable String org, @PathVariable long id, HttpServletRequest request, Model model) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        members.open(organization.id(), id, Role.VIEWER);
        model.addAttribute("org", organization);
        model.addAttribute("answered", surveys.ofMember(organization.id(), id));
        return PagePart.view("survey/member-answers :: answers", request, model);
    }
}
