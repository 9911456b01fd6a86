package io.firstpin.registration.web;

import io.firstpin.event.VisibleEvents;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.registration.AgendaDrafts;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff add the agenda draft (the talks the LT frame's registrants named) to the event's agenda in one step. */
@Controller
class AgendaDraftPagesController {

    private final Organizations organizations;
    private final VisibleEvents visibleEvents;
    private final AgendaDrafts drafts;

    AgendaDraftPagesController(Organizations organizations, VisibleEvents visibleEvents, AgendaDrafts drafts) {
        this.organizations = organizations;
        this.visibleEvents = visibleEvents;
        this.drafts = drafts;
    }

    @PostMapping("/manage/{org}/events/{id}/agenda-draft")
    String addToAgenda(@PathVariable String org, @PathVariable long id, RedirectAttributes redirect) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        visibleEvents.open(organization.id(), id, Role.COMMUNITY_LEADER);
        redirect.addFlashAttribute("talksAdded", drafts.addToAgenda(organization.id(), id));
        return "redirect:/manage/" + org + "/events/" + id + "/registrations#agenda-draft";
    }
}
