package io.firstpin.registration.web;

import io.firstpin.community.Communities;
import io.firstpin.event.Event;
import io.firstpin.event.VisibleEvents;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.notification.EventMailLog;
import io.firstpin.notification.MailStatus;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An event's sent mail for its staff: what went to whom (confirmations, waitlist, reminders, surveys, nudges, messages)
 * and how delivery stands. Guarded as the registrant list is, since it shows the same addresses; the notification
 * module keeps the emails, this module shows its event's. An htmx request gets the list only. Those who may message
 * the registrants may also send a given-up email again.
 */
@Controller
class SentMailController {

    private final Organizations organizations;
    private final VisibleEvents visibleEvents;
    private final EventMailLog mailLog;
    private final Communities communities;
    private final AccessGuard access;

    SentMailController(Organizations organizations, VisibleEvents visibleEvents, EventMailLog mailLog,
            Communities communities, AccessGuard access) {
        this.communities = communities;
        this.access = access;
        this.organizations = organizations;
        this.visibleEvents = visibleEvents;
        this.mailLog = mailLog;
    }

    @GetMapping("/manage/{org}/events/{id}/mail")
    String mail(@PathVariable String org, @PathVariable long id,
            @RequestParam(required = false) MailStatus status, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        Event event = visibleEvents.open(organization.id(), id, Role.VIEWER);
        model.addAttribute("org", organization);
        model.addAttribute("event", event);
        model.addAttribute("zone", communities.inOrganization(organization.id(), event.communityId()).timeZoneId());
        model.addAttribute("statuses", MailStatus.values());
        model.addAttribute("found", mailLog.of(organization.id(), event.id(), status, page));
        model.addAttribute("canRetry",
                access.roleIn(organization.id()).map(role -> role.includes(Role.COMMUNITY_LEADER)).orElse(false));
        return htmx != null ? "registration/sent-mail :: results" : "registration/sent-mail";
    }

    @PostMapping("/manage/{org}/events/{id}/mail/{mailId}/retry")
    String retry(@PathVariable String org, @PathVariable long id, @PathVariable long mailId,
            RedirectAttributes redirect) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        Event event = visibleEvents.open(organization.id(), id, Role.COMMUNITY_LEADER);
        if (!mailLog.retry(organization.id(), event.id(), mailId)) {
            throw NotFoundException.of("email", mailId);
        }
        redirect.addFlashAttribute("retried", true);
        return "redirect:/manage/" + org + "/events/" + id + "/mail";
    }
}
