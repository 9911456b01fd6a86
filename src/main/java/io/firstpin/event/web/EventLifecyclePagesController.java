package io.firstpin.event.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.event.Event;
import io.firstpin.event.EventLifecycle;
import io.firstpin.event.VisibleEvents;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.DateTimes;
import io.firstpin.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff move an event through its lifecycle from its page: publish a draft, hide, cancel (中止), postpone (延期) or
 * delete it. Cancelling and deleting cannot be taken back, so they ask for a ticked confirmation; a refusal comes back
 * to the page as a notice.
 */
@Controller
@RequestMapping("/manage/{org}/events/{id}")
class EventLifecyclePagesController {

    private final Organizations organizations;
    private final VisibleEvents visibleEvents;
    private final Communities communities;
    private final EventLifecycle lifecycle;
    private final MessageSource messages;

    EventLifecyclePagesController(Organizations organizations, VisibleEvents visibleEvents, Communities communities,
            EventLifecycle lifecycle, MessageSource messages) {
        this.organizations = organizations;
        this.visibleEvents = visibleEvents;
        this.communities = communities;
        this.lifecycle = lifecycle;
        this.messages = messages;
    }

    @PostMapping("/publish")
    String publish(@PathVariable String org, @PathVariable long id, RedirectAttributes redirect) {
        Organization organization = enter(org, id);
        return refusedOrDone(org, id, redirect, () -> lifecycle.publish(organization.id(), id));
    }

    @PostMapping("/hide")
    String hide(@PathVariable String org, @PathVariable long id, RedirectAttributes redirect) {
        Organization organization = enter(org, id);
        return refusedOrDone(org, id, redirect, () -> lifecycle.hide(organization.id(), id));
    }

    @PostMapping("/cancel")
    String cancel(@PathVariable String org, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
        Organization organization = enter(org, id);
        return refusedOrDone(org, id, redirect, () -> {
            requireConfirmation(confirm);
            lifecycle.cancel(organization.id(), id);
        });
    }

    /** Without a new start the new date is undecided (日程未定). */
    @PostMapping("/postpone")
    String postpone(@PathVariable String org, @PathVariable long id,
            @RequestParam(required = false) String startsAt, RedirectAttributes redirect) {
        Organization organization = enter(org, id);
        Event event = visibleEvents.open(organization.id(), id, Role.COMMUNITY_LEADER);
        Community community = communities.inOrganization(organization.id(), event.communityId());
        return refusedOrDone(org, id, redirect, () -> lifecycle.postpone(organization.id(), id,
                DateTimes.parse("startsAt", startsAt, community.timeZone()), null));
    }

    @PostMapping("/delete")
    String delete(@PathVariable String org, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
        Organization organization = enter(org, id);
        Event event = visibleEvents.open(organization.id(), id, Role.COMMUNITY_LEADER);
        Community community = communities.inOrganization(organization.id(), event.communityId());
        String refused = refusal(() -> {
            requireConfirmation(confirm);
            lifecycle.delete(organization.id(), id);
        });
        if (refused != null) {
            redirect.addFlashAttribute("lifecycleRefused", refused);
            return "redirect:/manage/" + org + "/events/" + id + "#lifecycle";
        }
        redirect.addFlashAttribute("deletedTitle", event.title());
        return "redirect:/manage/" + org + "/communities/" + community.slug() + "/events";
    }

    private Organization enter(String org, long id) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        visibleEvents.open(organization.id(), id, Role.COMMUNITY_LEADER);
        return organization;
    }

    private static void requireConfirmation(boolean confirm) {
        if (!confirm) {
            throw InvalidInputException.of("confirm", "event.lifecycle.confirm");
        }
    }

    private String refusedOrDone(String org, long id, RedirectAttributes redirect, Runnable change) {
        String refused = refusal(change);
        if (refused != null) {
            redirect.addFlashAttribute("lifecycleRefused", refused);
        }
        return "redirect:/manage/" + org + "/events/" + id + "#lifecycle";
    }

    /** The refusal of the change as a sentence, or null when it was made. */
    private String refusal(Runnable change) {
        try {
            change.run();
            return null;
        } catch (ConflictException refused) {
            return text(refused.code(), refused.args().toArray());
        } catch (InvalidInputException invalid) {
            return invalid.problems().stream().map(p -> text(p.code(), p.args().toArray())).findFirst().orElse("");
        }
    }

    private String text(String code, Object[] args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
