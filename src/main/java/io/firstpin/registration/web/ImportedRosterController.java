package io.firstpin.registration.web;

import io.firstpin.event.VisibleEvents;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.web.PagePart;
import io.firstpin.registration.ImportedEvents;
import io.firstpin.registration.Registrations;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The part of the staff event page that says an event is an imported past one, and who in it has no email. */
@Controller
class ImportedRosterController {

    private final Organizations organizations;
    private final VisibleEvents visibleEvents;
    private final ImportedEvents importedEvents;
    private final Registrations registrations;

    ImportedRosterController(Organizations organizations, VisibleEvents visibleEvents, ImportedEvents importedEvents,
            Registrations registrations) {
        this.organizations = organizations;
        this.visibleEvents = visibleEvents;
        this.importedEvents = importedEvents;
        this.registrations = registrations;
    }

    @GetMapping("/manage/{org}/events/{id}/imported-roster")
    String part(@PathVariable String org, @PathVariable long id, HttpServletRequest request, Model model) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        visibleEvents.open(organization.id(), id, Role.VIEWER);
        boolean imported = importedEvents.imported(id);
        model.addAttribute("org", organization);
        model.addAttribute("imported", imported);
        model.addAttribute("withoutEmail", imported
                ? ImportedEvents.withoutEmail(registrations.ofEvent(organization.id(), id)) : List.of());
        return PagePart.view("registration/imported :: roster", request, model);
    }
}
