package io.firstpin.event.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.event.Event;
import io.firstpin.event.EventSeries;
import io.firstpin.event.VisibleEvents;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
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
 * Staff number an event in one of its community's series, or start a series with it, from the event's page. A refusal
 * (a number taken, a numbering without {n}) comes back to the page as a notice.
 */
@Controller
@RequestMapping("/manage/{org}/events/{id}/series")
class EventSeriesPagesController {

    private final Organizations organizations;
    private final VisibleEvents visibleEvents;
    private final Communities communities;
    private final EventSeries series;
    private final MessageSource messages;

    EventSeriesPagesController(Organizations organizations, VisibleEvents visibleEvents, Communities communities,
            EventSeries series, MessageSource messages) {
        this.organizations = organizations;
        this.visibleEvents = visibleEvents;
        this.communities = communities;
        this.series = series;
        this.messages = messages;
    }

    @PostMapping
    String number(@PathVariable String org, @PathVariable long id, @RequestParam long series,
            @RequestParam(required = false) Integer number, RedirectAttributes redirect) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        visibleEvents.open(organization.id(), id, Role.COMMUNITY_LEADER);
        return refusedOrDone(org, id, redirect, () -> this.series.number(organization.id(), id, series, number));
    }

    /** Starts a series in the event's community and numbers the event in it, both or neither. */
    @PostMapping("/new")
    String start(@PathVariable String org, @PathVariable long id, @RequestParam(required = false) String name,
            @RequestParam(required = false) String numbering, @RequestParam(required = false) Integer number,
            RedirectAttributes redirect) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        Event event = visibleEvents.open(organization.id(), id, Role.COMMUNITY_LEADER);
        Community community = communities.inOrganization(organization.id(), event.communityId());
        return refusedOrDone(org, id, redirect, () -> series.startWith(community, name, numbering, id, number));
    }

    private String refusedOrDone(String org, long id, RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("seriesRefused", text(refused.code(), refused.args().toArray()));
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute("seriesRefused", invalid.problems().stream()
                    .map(p -> text(p.code(), p.args().toArray())).findFirst().orElse(""));
        }
        return "redirect:/manage/" + org + "/events/" + id + "#series";
    }

    private String text(String code, Object[] args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
