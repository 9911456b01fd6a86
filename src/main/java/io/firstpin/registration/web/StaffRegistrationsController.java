package io.firstpin.registration.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.event.Event;
import io.firstpin.event.Events;
import io.firstpin.event.Frame;
import io.firstpin.event.FrameMode;
import io.firstpin.event.VisibleEvents;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Actor;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.web.FormErrors;
import io.firstpin.registration.AgendaDrafts;
import io.firstpin.registration.EventMessages;
import io.firstpin.registration.ImportedEvents;
import io.firstpin.registration.Lotteries;
import io.firstpin.registration.LotteryDraw;
import io.firstpin.registration.NoShows;
import io.firstpin.registration.Question;
import io.firstpin.registration.QuestionKind;
import io.firstpin.registration.Questionnaires;
import io.firstpin.registration.Registration;
import io.firstpin.registration.Reminders;
import io.firstpin.registration.Segment;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.registration.RegistrationStatus;
import io.firstpin.registration.RegistrationExports;
import io.firstpin.registration.Registrations;
import io.firstpin.registration.Registrations.Entry;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import io.firstpin.platform.web.CsvAttachment;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.validation.BindingResult;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Staff view of an event's registrations: by frame and status, waitlist order, check-in progress, no-shows and the
 * overbooking margin they suggest, reminders and reconfirmation, messages to a segment, CSV export.
 */
@Controller
@RequestMapping("/manage/{org}")
class StaffRegistrationsController {

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Organizations organizations;
    private final Events events;
    private final Communities communities;
    private final Registrations registrations;
    private final RegistrationExports exports;
    private final NoShows noShows;
    private final Reminders reminders;
    private final EventMessages eventMessages;
    private final Questionnaires questionnaires;
    private final AccessGuard access;
    private final MessageSource messages;
    private final VisibleEvents visibleEvents;
    private final Lotteries lotteries;
    private final StaffAccounts staffAccounts;
    private final AgendaDrafts agendaDrafts;
    private final ImportedEvents importedEvents;

    StaffRegistrationsController(Organizations organizations, Events events, Communities communities,
            Registrations registrations, NoShows noShows, Reminders reminders, EventMessages eventMessages,
            Questionnaires questionnaires, AccessGuard access, MessageSource messages, VisibleEvents visibleEvents,
            RegistrationExports exports, Lotteries lotteries, StaffAccounts staffAccounts, AgendaDrafts agendaDrafts,
            ImportedEvents importedEvents) {
        this.agendaDrafts = agendaDrafts;
        this.importedEvents = importedEvents;
        this.exports = exports;
        this.lotteries = lotteries;
        this.staffAccounts = staffAccounts;
        this.questionnaires = questionnaires;
        this.organizations = organizations;
        this.events = events;
        this.communities = communities;
        this.registrations = registrations;
        this.noShows = noShows;
        this.reminders = reminders;
        this.eventMessages = eventMessages;
        this.access = access;
        this.messages = messages;
        this.visibleEvents = visibleEvents;
    }

    @GetMapping("/events/{id}/registrations")
    String list(@PathVariable String org, @PathVariable long id,
            @RequestParam(required = false) RegistrationStatus status, Model model) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        visibleEvents.open(organization.id(), id, Role.VIEWER);
        model.addAttribute("messageForm", new MessageForm(null, "", ""));
        model.addAttribute("questionForm", QuestionForm.blank());
        return page(organization, id, status, model);
    }

    @PostMapping("/events/{id}/questions")
    String ask(@PathVariable String org, @PathVariable long id, @ModelAttribute("questionForm") QuestionForm form,
            BindingResult binding, Model model, HttpServletResponse response) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        visibleEvents.open(organization.id(), id, Role.COMMUNITY_LEADER);
        try {
            questionnaires.ask(organization.id(), id, form.kind(), form.label(), form.choices(), form.required(),
                    form.frame(), form.feedsAgenda());
            return "redirect:/manage/" + org + "/events/" + id + "/registrations#questions";
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("messageForm", new MessageForm(null, "", ""));
            return page(organization, id, null, model);
        }
    }

    @PostMapping("/events/{id}/questions/{questionId}/retire")
    String retire(@PathVariable String org, @PathVariable long id, @PathVariable long questionId) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        visibleEvents.open(organization.id(), id, Role.COMMUNITY_LEADER);
        questionnaires.find(organization.id(), questionId).filter(q -> q.eventId() == id)
                .orElseThrow(() -> NotFoundException.of("question", questionId));
        questionnaires.retire(organization.id(), questionId);
        return "redirect:/manage/" + org + "/events/" + id + "/registrations#questions";
    }

    /** Writes to a segment of the registrants; a bad form comes back with its errors and nothing is sent. */
    @PostMapping("/events/{id}/messages")
    String sendMessage(@PathVariable String org, @PathVariable long id,
            @ModelAttribute("messageForm") MessageForm form, BindingResult binding, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        visibleEvents.open(organization.id(), id, Role.COMMUNITY_LEADER);
        try {
            int sent = eventMessages.send(organization.id(), id, form.segment(), form.subject(), form.body(),
                    staffEmail());
            redirect.addFlashAttribute("messageSent", sent);
            return "redirect:/manage/" + org + "/events/" + id + "/registrations#messages";
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("questionForm", QuestionForm.blank());
            return page(organization, id, null, model);
        }
    }

    @PostMapping("/events/{id}/reconfirmation")
    String reconfirmation(@PathVariable String org, @PathVariable long id, @RequestParam boolean on) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        visibleEvents.open(organization.id(), id, Role.COMMUNITY_LEADER);
        reminders.requireReconfirmation(organization.id(), id, on);
        return "redirect:/manage/" + org + "/events/" + id + "/registrations#reminders";
    }

    /** Takes the suggested overbooking margin, computed again now rather than trusted from the form. */
    @PostMapping("/events/{id}/frames/{frameId}/overbook")
    String overbook(@PathVariable String org, @PathVariable long id, @PathVariable long frameId,
            RedirectAttributes redirect) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        visibleEvents.open(organization.id(), id, Role.COMMUNITY_LEADER);
        noShows.suggestion(organization.id(), id).stream()
                .flatMap(suggestion -> suggestion.frames().stream())
                .filter(margin -> margin.frame().id() == frameId && margin.extraSeats() > 0)
                .findFirst()
                .ifPresent(margin -> {
                    events.resize(organization.id(), frameId, margin.suggestedCapacity());
                    redirect.addFlashAttribute("overbooked", margin.frame().name());
                });
        return "redirect:/manage/" + org + "/events/" + id + "/registrations#no-shows";
    }

    private String page(Organization organization, long id, RegistrationStatus status, Model model) {
        Event event = events.inOrganization(organization.id(), id);
        List<Entry> all = registrations.ofEvent(organization.id(), id);
        model.addAttribute("org", organization);
        model.addAttribute("event", event);
        model.addAttribute("community", communities.inOrganization(organization.id(), event.communityId()));
        List<Frame> frames = events.frames(id);
        model.addAttribute("summary", RegistrationSummary.of(frames, all));
        model.addAttribute("lotteries", frames.stream().filter(f -> f.mode() == FrameMode.LOTTERY)
                .map(f -> new LotteryCard(f, lotteries.drawOf(organization.id(), f.id()).orElse(null),
                        lotteries.nominations(organization.id(), f.id()).size()))
                .toList());
        model.addAttribute("nominators", nominators(organization.id()));
        model.addAttribute("entries", status == null ? all
                : all.stream().filter(e -> e.registration().status() == status).toList());
        model.addAttribute("status", status);
        model.addAttribute("statuses", RegistrationStatus.values());
        model.addAttribute("noShow", noShows.ofEvent(id).orElse(null));
        model.addAttribute("histories", noShows.ofRegistrantsOf(id));
        model.addAttribute("suggestion", noShows.suggestion(organization.id(), id).orElse(null));
        model.addAttribute("schedule", reminders.schedule(organization.id(), id));
        model.addAttribute("audience", eventMessages.audience(organization.id(), id));
        model.addAttribute("sentMessages", eventMessages.history(organization.id(), id));
        model.addAttribute("segments", Segment.values());
        model.addAttribute("questions", questionnaires.of(id));
        model.addAttribute("everAsked", questionnaires.everAsked(id));
        model.addAttribute("answers", questionnaires.answersOfEvent(id));
        model.addAttribute("questionKinds", QuestionKind.values());
        model.addAttribute("questionFrames", frames.stream().collect(Collectors.toMap(Frame::id, Frame::name)));
        model.addAttribute("agendaDraft", agendaDrafts.of(id));
        boolean imported = importedEvents.imported(id);
        model.addAttribute("imported", imported);
        model.addAttribute("withoutEmail", imported ? ImportedEvents.withoutEmail(all) : List.of());
        model.addAttribute("canLead",
                access.roleIn(organization.id()).map(r -> r.includes(Role.COMMUNITY_LEADER)).orElse(false));
        return "registration/staff-list";
    }

    /** Nominators as the records name them ("account 12") to the staff member's name, for the page. */
    private Map<String, String> nominators(long organizationId) {
        Map<String, String> names = new HashMap<>();
        staffAccounts.listInOrganization(organizationId)
                .forEach(account -> names.put("account " + account.id(), account.displayName()));
        return names;
    }

    private String staffEmail() {
        return access.current() instanceof Actor.Staff staff ? staff.email() : "staff";
    }

    @PostMapping("/registrations/{registrationId}/cancel")
    String cancel(@PathVariable String org, @PathVariable long registrationId) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        Registration registration = registrations.find(registrationId)
                .filter(r -> r.organizationId() == organization.id())
                .orElseThrow(() -> NotFoundException.of("registration", registrationId));
        visibleEvents.open(organization.id(), registration.eventId(), Role.COMMUNITY_LEADER);
        long eventId = registrations.cancelByStaff(organization.id(), registrationId).eventId();
        return "redirect:/manage/" + org + "/events/" + eventId + "/registrations";
    }

    @GetMapping("/events/{id}/registrations.csv")
    void csv(@PathVariable String org, @PathVariable long id, HttpServletResponse response) throws IOException {
        Organization organization = organizations.enter(org, Role.VIEWER);
        visibleEvents.open(organization.id(), id, Role.VIEWER);
        Event event = events.inOrganization(organization.id(), id);
        Community community = communities.inOrganization(organization.id(), event.communityId());
        Locale locale = LocaleContextHolder.getLocale();
        try (CSVPrinter csv = CsvAttachment.open(response, "event-" + id + "-registrations.csv")) {
            List<Question> questions = questionnaires.everAsked(id);
            Map<Long, Map<Long, String>> answers = questionnaires.answersOfEvent(id);
            List<String> header = new ArrayList<>(List.of("id", "name", "email", "frame", "status", "waitlist",
                    "checked-in", "registered-at").stream().map(column -> text("registration.csv." + column, locale))
                    .toList());
            questions.forEach(q -> header.add(CsvAttachment.cell(q.label())));
            csv.printRecord(header);
            for (Entry entry : exports.ofEvent(organization.id(), id)) {
                var r = entry.registration();
                // Arrays.asList takes the null address of an erased registrant (List.of would not)
                List<Object> row = new ArrayList<>(Arrays.asList(number(r), CsvAttachment.cell(r.name()), CsvAttachment.cell(r.email()),
                        CsvAttachment.cell(entry.frameName()), text("registration.status." + r.status(), locale),
                        entry.waitlistPosition() == null ? "" : entry.waitlistPosition(),
                        entry.checkedIn() ? text("common.yes", locale) : "",
                        CSV_TIME.format(r.registeredAt().atZone(community.timeZone()))));
                Map<Long, String> given = answers.getOrDefault(r.id(), Map.of());
                questions.forEach(q -> row.add(answerText(q, given.get(q.id()), locale)));
                csv.printRecord(row);
            }
        }
    }

    /** The 受付番号; a row the demo wrote without one shows nothing rather than a database id. */
    private static Object number(Registration registration) {
        return registration.receptionNumber() == null ? "" : registration.receptionNumber();
    }

    private String answerText(Question question, String answer, Locale locale) {
        if (answer == null) {
            return "";
        }
        if (question.kind() == QuestionKind.YES_NO) {
            return text(Question.YES.equals(answer) ? "common.yes" : "common.no", locale);
        }
        return CsvAttachment.cell(answer);
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }

    /** A lottery frame with its draw once drawn, and how many are nominated while it is not. */
    record LotteryCard(Frame frame, LotteryDraw draw, int nominated) {
    }

    record MessageForm(Segment segment, String subject, String body) {
    }

    /** @param frame the frame whose registrants alone are asked, or null for everyone */
    record QuestionForm(QuestionKind kind, String label, String choices, boolean required, Long frame,
            boolean feedsAgenda) {

        static QuestionForm blank() {
            return new QuestionForm(null, "", "", false, null, false);
        }
    }

    /** Counts per frame and status, and how many of the confirmed have checked in. */
    record RegistrationSummary(List<FrameSummary> frames, int confirmed, int checkedIn) {

        static RegistrationSummary of(List<Frame> frames, List<Entry> entries) {
            List<FrameSummary> perFrame = frames.stream().map(frame -> {
                Map<RegistrationStatus, Integer> counts = new EnumMap<>(RegistrationStatus.class);
                entries.stream().filter(e -> e.registration().frameId() == frame.id())
                        .forEach(e -> counts.merge(e.registration().status(), 1, Integer::sum));
                return new FrameSummary(frame, counts);
            }).toList();
            int confirmed = (int) entries.stream()
                    .filter(e -> e.registration().status() == RegistrationStatus.CONFIRMED).count();
            int checkedIn = (int) entries.stream().filter(Entry::checkedIn).count();
            return new RegistrationSummary(perFrame, confirmed, checkedIn);
        }

        public int checkedInPercent() {
            return confirmed == 0 ? 0 : Math.round(100f * checkedIn / confirmed);
        }
    }

    record FrameSummary(Frame frame, Map<RegistrationStatus, Integer> counts) {

        public int count(RegistrationStatus status) {
            return counts.getOrDefault(status, 0);
        }
    }
}
