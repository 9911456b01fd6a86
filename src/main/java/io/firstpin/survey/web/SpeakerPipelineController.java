package io.firstpin.survey.web;

import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.registration.Registered;
import io.firstpin.survey.SpeakerPipeline;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The leaders' list of survey volunteers, and the one-step invitation to an upcoming event's frame. */
@Controller
class SpeakerPipelineController {

    private final Organizations organizations;
    private final SpeakerPipeline pipeline;
    private final AccessGuard access;

    SpeakerPipelineController(Organizations organizations, SpeakerPipeline pipeline, AccessGuard access) {
        this.organizations = organizations;
        this.pipeline = pipeline;
        this.access = access;
    }

    @GetMapping("/manage/{org}/speakers")
    String list(@PathVariable String org, Model model) {
        return page(organizations.open(org, Role.VIEWER), model);
    }

    @PostMapping("/manage/{org}/speakers/{memberId}/invite")
    String invite(@PathVariable String org, @PathVariable long memberId, @RequestParam long frameId, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Organization organization = organizations.open(org, Role.COMMUNITY_LEADER);
        try {
            Registered invited = pipeline.invite(organization.id(), memberId, frameId, LocaleContextHolder.getLocale());
            redirect.addFlashAttribute("invited", invited.registration().name());
            return "redirect:/manage/" + org + "/speakers";
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("problem", resolvable(e.code(), e.args()));
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            InvalidInputException.FieldProblem first = e.problems().get(0);
            model.addAttribute("problem", resolvable(first.code(), first.args()));
        }
        return page(organization, model);
    }

    private String page(Organization organization, Model model) {
        model.addAttribute("org", organization);
        model.addAttribute("volunteers", pipeline.volunteers(organization.id()));
        model.addAttribute("frames", pipeline.upcomingFrames(organization.id()));
        model.addAttribute("canLead",
                access.roleIn(organization.id()).map(r -> r.includes(Role.COMMUNITY_LEADER)).orElse(false));
        return "survey/speakers";
    }

    private static DefaultMessageSourceResolvable resolvable(String code, List<Object> args) {
        return new DefaultMessageSourceResolvable(new String[] {code}, args.toArray(), code);
    }
}
