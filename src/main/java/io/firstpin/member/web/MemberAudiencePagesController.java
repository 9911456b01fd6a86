package io.firstpin.member.web;

import io.firstpin.identity.Role;
import io.firstpin.member.AudienceChannel;
import io.firstpin.member.AudienceSource;
import io.firstpin.member.Audiences;
import io.firstpin.member.Members;
import io.firstpin.member.VisibleMembers;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Staff enter a member's audience per channel (reach), as they learn it. */
@Controller
@RequestMapping("/manage/{org}/members/{id}/audience")
class MemberAudiencePagesController {

    private final Organizations organizations;
    private final Members members;
    private final Audiences audiences;
    private final VisibleMembers visible;

    MemberAudiencePagesController(Organizations organizations, Members members, Audiences audiences,
            VisibleMembers visible) {
        this.organizations = organizations;
        this.members = members;
        this.audiences = audiences;
        this.visible = visible;
    }

    /** As on the member form: rows the browser did not send leave gaps that are not bound. */
    @InitBinder("audienceForm")
    void skipGapsBetweenRows(WebDataBinder binder) {
        binder.setIgnoreInvalidFields(true);
    }

    @GetMapping
    String edit(@PathVariable String org, @PathVariable long id, Model model) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        visible.open(organization.id(), id, Role.COMMUNITY_LEADER);
        model.addAttribute("audienceForm", AudienceForm.of(audiences.reachOf(organization.id(), id)));
        return form(organization, id, model);
    }

    @PostMapping
    String save(@PathVariable String org, @PathVariable long id, @ModelAttribute("audienceForm") AudienceForm form,
            BindingResult binding, Model model, HttpServletResponse response) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        visible.open(organization.id(), id, Role.COMMUNITY_LEADER);
        try {
            audiences.record(organization.id(), id, form.inputs(), AudienceSource.STAFF);
            return "redirect:/manage/" + organization.slug() + "/members/" + id;
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, form.onRows(e));
        } catch (ConflictException e) {
            FormErrors.reject(binding, e);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(organization, id, model);
    }

    private String form(Organization organization, long id, Model model) {
        model.addAttribute("org", organization);
        model.addAttribute("member", members.inOrganization(organization.id(), id));
        model.addAttribute("channels", AudienceChannel.values());
        return "member/audience";
    }
}
