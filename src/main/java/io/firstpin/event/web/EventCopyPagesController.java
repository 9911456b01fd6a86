package io.firstpin.event.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.event.Event;
import io.firstpin.event.EventCopies;
import io.firstpin.event.VisibleEvents;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.InvalidInputException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff copy an event to a new date from its page, then land on the copy's form to adjust it. */
@Controller
@RequestMapping("/manage/{org}")
class EventCopyPagesController {

    private final Organizations organizations;
    private final VisibleEvents visibleEvents;
    private final Communities communities;
    private final EventCopies copies;
    private final MessageSource messages;

    EventCopyPagesController(Organizations organizations, VisibleEvents visibleEvents, Communities communities,
            EventCopies copies, MessageSource messages) {
        this.organizations = organizations;
        this.visibleEvents = visibleEvents;
        this.communities = communities;
        this.copies = copies;
        this.messages = messages;
    }

    /** A missing or unreadable date comes back to the event's page as a notice; nothing is copied. */
    @PostMapping("/events/{id}/copy")
    String copy(@PathVariable String org, @PathVariable long id, @RequestParam(required = false) String startsAt,
            RedirectAttributes redirect) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        Event event = visibleEvents.open(organization.id(), id, Role.COMMUNITY_LEADER);
        Community community = communities.inOrganization(organization.id(), event.communityId());
        try {
            LocalDateTime local = LocalDateTime.parse(startsAt == null ? "" : startsAt.strip());
            Event copy = copies.copy(organization.id(), id, local.atZone(community.timeZone()).toInstant(), null);
            return "redirect:/manage/" + org + "/events/" + copy.id() + "/edit";
        } catch (DateTimeParseException | InvalidInputException unreadable) {
            redirect.addFlashAttribute("copyRefused", messages.getMessage("event.copy.date-required", null,
                    LocaleContextHolder.getLocale()));
            return "redirect:/manage/" + org + "/events/" + id + "#copy";
        }
    }
}
