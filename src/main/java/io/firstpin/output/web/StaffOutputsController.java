package io.firstpin.output.web;

import io.firstpin.event.Event;
import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.event.VisibleEvents;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.output.LinkingRules;
import io.firstpin.output.OutputSubmission;
import io.firstpin.output.OutputType;
import io.firstpin.output.Outputs;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff view of an event's outputs: how each was linked, unlinking and linking again, adding one by hand. */
@Controller
@RequestMapping("/manage/{org}/events/{id}/outputs")
class StaffOutputsController {

    private final Organizations organizations;
    private final Events events;
    private final Outputs outputs;
    private final LinkingRules rules;
    private final AccessGuard access;
    private final MessageSource messages;
    private final VisibleEvents visibleEvents;

    StaffOutputsController(Organizations organizations, Events events, Outputs outputs, LinkingRules rules,
            AccessGuard access, MessageSource messages, VisibleEvents visibleEvents) {
        this.organizations = organizations;
        this.events = events;
        this.outputs = outputs;
        this.rules = rules;
        this.access = access;
        this.messages = messages;
        this.visibleEvents = visibleEvents;
    }

    @GetMapping
    String list(@PathVariable String org, @PathVariable long id, Model model) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        visibleEvents.open(organization.id(), id, Role.VIEWER);
        model.addAttribute("form", new StaffOutputForm("", "", "", ""));
        return page(organization, id, model);
    }

    @PostMapping
    String add(@PathVariable String org, @PathVariable long id, @ModelAttribute("form") StaffOutputForm form,
            Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        visibleEvents.open(organization.id(), id, Role.COMMUNITY_LEADER);
        try {
            outputs.submitByStaff(organization.id(), id,
                    new OutputSubmission(form.url(), form.type(), form.title(), form.authorEmail()));
            redirect.addFlashAttribute("added", true);
            return "redirect:/manage/" + org + "/events/" + id + "/outputs";
        } catch (InvalidInputException e) {
            var problem = e.problems().get(0);
            model.addAttribute("error", messages.getMessage(problem.code(), problem.args().toArray(), problem.code(), locale));
        } catch (ConflictException e) {
            model.addAttribute("error", messages.getMessage(e.code(), e.args().toArray(), e.code(), locale));
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(organization, id, model);
    }

    @PostMapping("/{outputId}/unlink")
    String unlink(@PathVariable String org, @PathVariable long id, @PathVariable long outputId) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        visibleEvents.open(organization.id(), id, Role.COMMUNITY_LEADER);
        outputs.unlink(organization.id(), id, outputId);
        return "redirect:/manage/" + org + "/events/" + id + "/outputs";
    }

    @PostMapping("/{outputId}/relink")
    String relink(@PathVariable String org, @PathVariable long id, @PathVariable long outputId) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        visibleEvents.open(organization.id(), id, Role.COMMUNITY_LEADER);
        outputs.relink(organization.id(), id, outputId);
        return "redirect:/manage/" + org + "/events/" + id + "/outputs";
    }

    private String page(Organization organization, long eventId, Model model) {
        Event event = events.inOrganization(organization.id(), eventId);
        model.addAttribute("org", organization);
        model.addAttribute("event", event);
        model.addAttribute("entries", outputs.ofEvent(organization.id(), eventId));
        model.addAttribute("unlinked", outputs.unlinkedFrom(organization.id(), eventId));
        model.addAttribute("zone", events.summary(eventId).map(EventSummary::timeZone).orElse("Asia/Tokyo"));
        model.addAttribute("windowDays", rules.windowAfterEnd().toDays());
        model.addAttribute("canLead", access.roleIn(organization.id()).map(r -> r.includes(Role.COMMUNITY_LEADER))
                .orElse(false));
        model.addAttribute("types", OutputType.values());
        return "output/staff-list";
    }

    record StaffOutputForm(String url, String type, String title, String authorEmail) {
    }
}
