package io.firstpin.output.web;

import io.firstpin.event.VisibleEvents;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Reach;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.output.Outputs;
import io.firstpin.output.ReportReviews;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff review the reports registrants and members submitted, across the events they reach: approve (the event page
 * lists it) or reject (unlinked); organization admins choose whether confirmed attendance publishes a report.
 */
@Controller
@RequestMapping("/manage/{org}/reports")
class ReportReviewController {

    private final Organizations organizations;
    private final ReportReviews reviews;
    private final Outputs outputs;
    private final VisibleEvents visibleEvents;
    private final AccessGuard access;

    ReportReviewController(Organizations organizations, ReportReviews reviews, Outputs outputs,
            VisibleEvents visibleEvents, AccessGuard access) {
        this.organizations = organizations;
        this.reviews = reviews;
        this.outputs = outputs;
        this.visibleEvents = visibleEvents;
        this.access = access;
    }

    @GetMapping
    String list(@PathVariable String org, Model model) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        Reach reach = access.enter(organization.id(), Role.VIEWER, "organization " + org);
        model.addAttribute("org", organization);
        model.addAttribute("waiting", reviews.waiting(organization.id(), reach));
        model.addAttribute("canLead", reach.role().includes(Role.COMMUNITY_LEADER));
        model.addAttribute("canChoose", reach.role().includes(Role.ORGANIZATION_ADMIN) && reach.wholeOrganization());
        model.addAttribute("publishOnAttendance", reviews.publishesOnAttendance(organization.id()));
        return "output/review";
    }

    @PostMapping("/{eventId}/{outputId}/approve")
    String approve(@PathVariable String org, @PathVariable long eventId, @PathVariable long outputId,
            RedirectAttributes redirect) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        visibleEvents.open(organization.id(), eventId, Role.COMMUNITY_LEADER);
        reviews.approve(organization.id(), eventId, outputId);
        redirect.addFlashAttribute("reviewed", "approved");
        return "redirect:/manage/" + org + "/reports";
    }

    @PostMapping("/{eventId}/{outputId}/reject")
    String reject(@PathVariable String org, @PathVariable long eventId, @PathVariable long outputId,
            RedirectAttributes redirect) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        visibleEvents.open(organization.id(), eventId, Role.COMMUNITY_LEADER);
        outputs.unlink(organization.id(), eventId, outputId);
        redirect.addFlashAttribute("reviewed", "rejected");
        return "redirect:/manage/" + org + "/reports";
    }

    @PostMapping("/policy")
    String choose(@PathVariable String org, @RequestParam(defaultValue = "false") boolean publishOnAttendance,
            RedirectAttributes redirect) {
        Organization organization = organizations.enter(org, Role.ORGANIZATION_ADMIN);
        access.requireAdmin(organization.id(), "organization " + org);
        reviews.publishOnAttendance(organization.id(), publishOnAttendance);
        redirect.addFlashAttribute("reviewed", "policy");
        return "redirect:/manage/" + org + "/reports";
    }
}
