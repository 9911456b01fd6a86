package io.firstpin.survey.web;

import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.event.VisibleEvents;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.web.QrSvg;
import io.firstpin.survey.SurveyLinks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The survey on the venue screen at the end of an event: the title, a QR code of the survey's public entry and the
 * same address as text, large enough to read from the back of the room, dark or light for the projector.
 */
@Controller
class SurveyScreenController {

    private final Organizations organizations;
    private final VisibleEvents visibleEvents;
    private final Events events;
    private final SurveyLinks links;

    SurveyScreenController(Organizations organizations, VisibleEvents visibleEvents, Events events,
            SurveyLinks links) {
        this.organizations = organizations;
        this.visibleEvents = visibleEvents;
        this.events = events;
        this.links = links;
    }

    @GetMapping("/manage/{org}/events/{id}/survey/screen")
    String screen(@PathVariable String org, @PathVariable long id,
            @RequestParam(defaultValue = "dark") String theme, Model model) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        visibleEvents.open(organization.id(), id, Role.VIEWER);
        EventSummary event = events.summary(id).orElseThrow();
        String url = links.entryUrl(id);
        model.addAttribute("org", organization);
        model.addAttribute("event", event);
        model.addAttribute("surveyUrl", url);
        model.addAttribute("shownUrl", url.replaceFirst("^https?://", ""));
        // drawn by the application from its own address: no user text goes into the SVG
        model.addAttribute("qr", QrSvg.of(url));
        model.addAttribute("light", "light".equals(theme));
        return "survey/screen";
    }
}
