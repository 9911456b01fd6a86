package io.firstpin.attendance.web;

import io.firstpin.attendance.AttendanceCodes;
import io.firstpin.attendance.CheckInPasses;
import io.firstpin.attendance.SelfCheckIn;
import io.firstpin.community.Communities;
import io.firstpin.event.Event;
import io.firstpin.event.Events;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.web.PagePart;
import io.firstpin.registration.Registration;
import io.firstpin.registration.Registrations;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The attendee's side of check-in, behind their private registration link: the check-in pass, a part of the
 * registrant's page that htmx loads from here; the QR code as an image (for emails and saving to the phone); and
 * checking in with the attendance code, answered in place with htmx or, without script, on the pass's own page.
 */
@Controller
class AttendeeCheckInController {

    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

    private final CheckInPasses passes;
    private final AttendanceCodes attendanceCodes;
    private final Registrations registrations;
    private final Events events;
    private final Communities communities;

    AttendeeCheckInController(CheckInPasses passes, AttendanceCodes attendanceCodes, Registrations registrations,
            Events events, Communities communities) {
        this.passes = passes;
        this.attendanceCodes = attendanceCodes;
        this.registrations = registrations;
        this.events = events;
        this.communities = communities;
    }

    @GetMapping("/r/{token}/checkin")
    String pass(@PathVariable String token, HttpServletRequest request, Model model) {
        return pass(token, (SelfCheckIn) model.getAttribute("selfCheckIn"), request, model);
    }

    /** Not cached anywhere: whoever has the image can be checked in, and a cancelled registration loses it. */
    @GetMapping("/r/{token}/qr.svg")
    ResponseEntity<String> qr(@PathVariable String token) {
        String svg = passes.svg(token).orElseThrow(() -> NotFoundException.of("check-in code", "with this link"));
        return ResponseEntity.ok().contentType(SVG).cacheControl(CacheControl.noStore()).body(svg);
    }

    @PostMapping("/r/{token}/attend")
    String attend(@PathVariable String token, @RequestParam(defaultValue = "") String code,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        SelfCheckIn result = attendanceCodes.attend(token, code);
        if (PagePart.fromHtmx(request)) {
            return pass(token, result, request, model);
        }
        redirect.addFlashAttribute("selfCheckIn", result);
        return "redirect:/r/" + token + "/checkin";
    }

    private String pass(String token, SelfCheckIn result, HttpServletRequest request, Model model) {
        Registration registration = registrations.byToken(token)
                .orElseThrow(() -> NotFoundException.of("registration", "with this link"));
        Event event = events.find(registration.eventId())
                .orElseThrow(() -> NotFoundException.of("event", registration.eventId()));
        model.addAttribute("registration", registration);
        model.addAttribute("token", token);
        model.addAttribute("pass", passes.of(registration, event));
        model.addAttribute("zone", communities.inOrganization(event.organizationId(), event.communityId())
                .timeZoneId());
        model.addAttribute("selfCheckIn", result);
        return PagePart.view("attendance/pass :: pass", request, model);
    }
}
