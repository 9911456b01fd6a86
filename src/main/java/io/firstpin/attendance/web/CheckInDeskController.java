package io.firstpin.attendance.web;

import io.firstpin.attendance.AttendanceCodes;
import io.firstpin.attendance.CheckInDesk;
import io.firstpin.attendance.CheckInMethod;
import io.firstpin.attendance.CheckInOutcome;
import io.firstpin.attendance.CheckIns;
import io.firstpin.community.Communities;
import io.firstpin.event.Event;
import io.firstpin.event.Events;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Actor;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.web.PagePart;
import io.firstpin.registration.Applicant;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The check-in desk (受付) of an event, made for a phone at the door: scan QR codes, type a code, find a registrant by
 * name, admit walk-ins, show the attendance code. Viewers may look; community leaders act. With htmx every action
 * answers the result fragment and announces {@code checkin-changed}, on which the list and the counter reload
 * themselves; without JavaScript the forms post and come back to the page.
 */
@Controller
@RequestMapping("/manage/{org}/events/{id}/checkin")
class CheckInDeskController {

    private static final int SHOWN = 50;
    private static final String CHANGED = "checkin-changed";

    private final Organizations organizations;
    private final Events events;
    private final Communities communities;
    private final CheckIns checkIns;
    private final CheckInDesk desk;
    private final AttendanceCodes attendanceCodes;
    private final AccessGuard access;

    CheckInDeskController(Organizations organizations, Events events, Communities communities, CheckIns checkIns,
            CheckInDesk desk, AttendanceCodes attendanceCodes, AccessGuard access) {
        this.organizations = organizations;
        this.events = events;
        this.communities = communities;
        this.checkIns = checkIns;
        this.desk = desk;
        this.attendanceCodes = attendanceCodes;
        this.access = access;
    }

    @GetMapping
    String page(@PathVariable String org, @PathVariable long id, Model model) {
        Desk desk = open(org, id, Role.VIEWER, model);
        model.addAttribute("attendanceCode", attendanceCodes.current(desk.organization().id(), id));
        model.addAttribute("frames", events.frames(id));
        model.addAttribute("progress", this.desk.progress(desk.organization().id(), id));
        model.addAttribute("arrivals", this.desk.search(desk.organization().id(), id, "", SHOWN));
        model.addAttribute("q", "");
        return "attendance/checkin";
    }

    @GetMapping("/search")
    String search(@PathVariable String org, @PathVariable long id, @RequestParam(defaultValue = "") String q,
            HttpServletRequest request, Model model) {
        Desk desk = open(org, id, Role.VIEWER, model);
        model.addAttribute("arrivals", this.desk.search(desk.organization().id(), id, q, SHOWN));
        model.addAttribute("q", q);
        return PagePart.view("attendance/checkin :: arrivals", request, model);
    }

    @GetMapping("/progress")
    String progress(@PathVariable String org, @PathVariable long id, HttpServletRequest request, Model model) {
        Desk desk = open(org, id, Role.VIEWER, model);
        model.addAttribute("progress", this.desk.progress(desk.organization().id(), id));
        return PagePart.view("attendance/checkin :: progress", request, model);
    }

    /** A code scanned from a QR ({@code method=QR}) or typed by staff. */
    @PostMapping("/code")
    String code(@PathVariable String org, @PathVariable long id, @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "STAFF") String method,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Desk desk = open(org, id, Role.COMMUNITY_LEADER, model);
        CheckInMethod via = "QR".equals(method) ? CheckInMethod.QR : CheckInMethod.STAFF;
        return answer(desk, checkIns.checkInWithCode(desk.organization().id(), id, code, via), List.of(), htmx, model,
                response, redirect);
    }

    @PostMapping("/registrations/{registrationId}")
    String checkIn(@PathVariable String org, @PathVariable long id, @PathVariable long registrationId,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Desk desk = open(org, id, Role.COMMUNITY_LEADER, model);
        return answer(desk, checkIns.checkInRegistrant(desk.organization().id(), id, registrationId), List.of(), htmx,
                model, response, redirect);
    }

    @PostMapping("/registrations/{registrationId}/undo")
    String undo(@PathVariable String org, @PathVariable long id, @PathVariable long registrationId,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Desk desk = open(org, id, Role.COMMUNITY_LEADER, model);
        Long staffAccountId = access.current() instanceof Actor.Staff staff ? staff.accountId() : null;
        return answer(desk, checkIns.undo(desk.organization().id(), id, registrationId, staffAccountId), List.of(),
                htmx, model, response, redirect);
    }

    @PostMapping("/walk-in")
    String walkIn(@PathVariable String org, @PathVariable long id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String frame,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Desk desk = open(org, id, Role.COMMUNITY_LEADER, model);
        try {
            CheckInOutcome outcome = checkIns.walkIn(desk.organization().id(), id, frame,
                    new Applicant(name, email, LocaleContextHolder.getLocale()));
            response.addHeader("HX-Trigger", CHANGED + ", walk-in-registered");
            return answer(desk, outcome, List.of(), htmx, model, response, redirect);
        } catch (InvalidInputException e) {
            return answer(desk, null, e.problems().stream()
                    .map(p -> new Problem(p.field(), p.code(), p.args().toArray())).toList(), htmx, model, response,
                    redirect);
        } catch (ConflictException e) {
            return answer(desk, null, List.of(new Problem(e.field(), e.code(), e.args().toArray())), htmx, model,
                    response, redirect);
        }
    }

    /** A new attendance code; the page shows it at once. */
    @PostMapping("/attendance-code")
    String reissue(@PathVariable String org, @PathVariable long id,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Desk desk = open(org, id, Role.COMMUNITY_LEADER, model);
        model.addAttribute("attendanceCode", attendanceCodes.reissue(desk.organization().id(), id));
        return "true".equals(htmx) ? "attendance/checkin :: attendance-code" : redirectTo(desk);
    }

    private String answer(Desk desk, CheckInOutcome outcome, List<Problem> problems, String htmx, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!"true".equals(htmx)) {
            if (outcome != null) {
                redirect.addFlashAttribute("outcome", outcome);
            }
            redirect.addFlashAttribute("problems", problems);
            return redirectTo(desk);
        }
        if (outcome != null && !response.containsHeader("HX-Trigger")) {
            response.addHeader("HX-Trigger", CHANGED);
        }
        model.addAttribute("outcome", outcome);
        model.addAttribute("problems", problems);
        return "attendance/checkin :: result";
    }

    private static String redirectTo(Desk desk) {
        return "redirect:/manage/" + desk.organization().slug() + "/events/" + desk.event().id() + "/checkin";
    }

    /** Opens the organization and its event for the caller, and puts what every fragment needs on the model. */
    private Desk open(String org, long id, Role minimum, Model model) {
        Organization organization = organizations.enter(org, minimum);
        Event event = events.inOrganization(organization.id(), id);
        access.require(organization.id(), event.communityId(), minimum, "event " + id);
        model.addAttribute("org", organization);
        model.addAttribute("event", event);
        model.addAttribute("zone", communities.inOrganization(organization.id(), event.communityId()).timeZoneId());
        model.addAttribute("canAct", access.roleIn(organization.id())
                .map(role -> role.includes(Role.COMMUNITY_LEADER)).orElse(false));
        return new Desk(organization, event);
    }

    private record Desk(Organization organization, Event event) {
    }

    /** A reason a walk-in could not be registered, with the message code the page resolves. */
    record Problem(String field, String code, Object[] args) implements Serializable {
    }
}
