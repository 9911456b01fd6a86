package io.firstpin.registration.web;

import io.firstpin.event.VisibleEvents;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.registration.Lotteries;
import io.firstpin.registration.Registration;
import io.firstpin.registration.Registrations;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff nominate (指名) an applicant of a lottery frame to win before the draw, or take it back, from the list. */
@Controller
@RequestMapping("/manage/{org}")
class StaffNominationsController {

    private final Organizations organizations;
    private final Registrations registrations;
    private final Lotteries lotteries;
    private final VisibleEvents visibleEvents;
    private final AccessGuard access;
    private final MessageSource messages;

    StaffNominationsController(Organizations organizations, Registrations registrations, Lotteries lotteries,
            VisibleEvents visibleEvents, AccessGuard access, MessageSource messages) {
        this.organizations = organizations;
        this.registrations = registrations;
        this.lotteries = lotteries;
        this.visibleEvents = visibleEvents;
        this.access = access;
        this.messages = messages;
    }

    /** A refusal (drawn meanwhile, every seat nominated) comes back to the list as a notice, not an error page. */
    @PostMapping("/registrations/{registrationId}/nomination")
    String nominate(@PathVariable String org, @PathVariable long registrationId, @RequestParam boolean on,
            RedirectAttributes redirect) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        Registration registration = registrations.find(registrationId)
                .filter(r -> r.organizationId() == organization.id())
                .orElseThrow(() -> NotFoundException.of("registration", registrationId));
        visibleEvents.open(organization.id(), registration.eventId(), Role.COMMUNITY_LEADER);
        try {
            if (on) {
                lotteries.nominate(organization.id(), registration.frameId(), registrationId, access.current());
            } else {
                lotteries.withdrawNomination(organization.id(), registration.frameId(), registrationId);
            }
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("nominationRefused", messages.getMessage(refused.code(),
                    refused.args().toArray(), refused.code(), LocaleContextHolder.getLocale()));
        }
        return "redirect:/manage/" + org + "/events/" + registration.eventId() + "/registrations#lotteries";
    }
}
