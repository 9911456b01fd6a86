package io.firstpin.registration.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.event.Event;
import io.firstpin.event.Events;
import io.firstpin.event.Frame;
import io.firstpin.event.SubEvents;
import io.firstpin.member.Member;
import io.firstpin.member.Members;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.web.FormErrors;
import io.firstpin.registration.Applicant;
import io.firstpin.registration.FrameChoices;
import io.firstpin.registration.LinkResends;
import io.firstpin.registration.Questionnaires;
import io.firstpin.registration.Registered;
import io.firstpin.registration.Registration;
import io.firstpin.registration.RegistrationStatus;
import io.firstpin.registration.RegistrantActions;
import io.firstpin.registration.Registrations;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The registrant's side: the form, and the private manage page reached by the link only they have. */
@Controller
class RegistrationPagesController {

    private static final String DUPLICATE = "registration.duplicate";

    private final Registrations registrations;
    private final RegistrantActions registrant;
    private final Questionnaires questionnaires;
    private final Events events;
    private final Communities communities;
    private final Members members;
    private final Clock clock;
    private final SubEvents subEvents;
    private final LinkResends linkResends;
    private final FrameChoices frameChoices;

    RegistrationPagesController(Registrations registrations, RegistrantActions registrant,
            Questionnaires questionnaires, Events events, Communities communities, Members members, Clock clock,
            SubEvents subEvents, LinkResends linkResends, FrameChoices frameChoices) {
        this.subEvents = subEvents;
        this.linkResends = linkResends;
        this.frameChoices = frameChoices;
        this.members = members;
        this.registrations = registrations;
        this.registrant = registrant;
        this.questionnaires = questionnaires;
        this.events = events;
        this.communities = communities;
        this.clock = clock;
    }

    @GetMapping("/e/{id}/register")
    String form(@PathVariable long id, Model model) {
        model.addAttribute("registrationForm", new RegistrationForm("", "", "", null));
        return formPage(publicEvent(id), Map.of(), model);
    }

    @PostMapping("/e/{id}/register")
    String register(@PathVariable long id, @Valid @ModelAttribute("registrationForm") RegistrationForm form,
            BindingResult binding,
            @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Event event = publicEvent(id);
        Map<String, String> answers = Answers.from(params);
        if (!binding.hasErrors()) {
            try {
                Applicant applicant = new Applicant(form.name(), form.email(), LocaleContextHolder.getLocale());
                Registered registered;
                if (form.subEventFrame() == null) {
                    registered = registrations.register(id, form.frame(), applicant, answers);
                } else {
                    Registrations.Evening evening = registrations.registerWithSubEvent(id, form.frame(),
                            form.subEventFrame(), applicant, answers);
                    registered = evening.main();
                    if (evening.subEvent() != null) {
                        redirect.addFlashAttribute("subEventToken", evening.subEvent().manageToken());
                    }
                    redirect.addFlashAttribute("subEventSkipped", evening.subEvent() == null);
                }
                redirect.addFlashAttribute("justRegistered", true);
                return "redirect:/r/" + registered.manageToken();
            } catch (InvalidInputException e) {
                model.addAttribute("answerProblems", Answers.problems(e));
                FormErrors.reject(binding, Answers.withoutAnswerProblems(e));
            } catch (ConflictException e) {
                FormErrors.reject(binding, e);
                model.addAttribute("alreadyRegistered", DUPLICATE.equals(e.code()));
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                return formPage(event, answers, model);
            }
        } else {
            // the answers are checked too, so that one round shows every problem
            try {
                Optional<Frame> chosen = events.frames(id).stream()
                        .filter(frame -> String.valueOf(frame.id()).equals(form.frame())).findFirst();
                if (chosen.isPresent()) {
                    questionnaires.accept(id, chosen.get().id(), answers);
                }
            } catch (InvalidInputException e) {
                model.addAttribute("answerProblems", Answers.problems(e));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return formPage(event, answers, model);
    }

    /**
     * 「リンクを再送する」 from the form that refused an email already registered: the link goes to that email only, and
     * the page says the same whether or not it is registered.
     */
    @PostMapping("/e/{id}/resend-link")
    String resendLink(@PathVariable long id, @RequestParam(defaultValue = "") String email, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            linkResends.resend(id, email);
        } catch (InvalidInputException e) {
            model.addAttribute("registrationForm", new RegistrationForm("", email, "", null));
            model.addAttribute("resendProblem", e.problems().get(0).code());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return formPage(publicEvent(id), Map.of(), model);
        }
        redirect.addFlashAttribute("linkSent", true);
        return "redirect:/e/" + id + "/register";
    }

    /** The registrant changes their answers to the event's questions. */
    @PostMapping("/r/{token}/answers")
    String answer(@PathVariable String token, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> answers = Answers.from(params);
        try {
            registrant.answerWithToken(token, answers);
            redirect.addFlashAttribute("justAnswered", true);
            return "redirect:/r/" + token;
        } catch (InvalidInputException e) {
            model.addAttribute("answerProblems", Answers.problems(e));
            model.addAttribute("answers", answers);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return manage(token, model);
        }
    }

    @GetMapping("/r/{token}")
    String manage(@PathVariable String token, Model model) {
        Registration registration = byToken(token);
        Event event = event(registration.eventId());
        model.addAttribute("registration", registration);
        model.addAttribute("position", registrations.positionOf(registration));
        model.addAttribute("frame", events.frame(registration.frameId()).orElseThrow());
        model.addAttribute("event", event);
        model.addAttribute("community", community(event));
        model.addAttribute("token", token);
        model.addAttribute("provisional", members.findById(registration.memberId()).map(Member::provisional)
                .orElse(false));
        model.addAttribute("mailedLink", registrant.mailedLink(token, registration));
        model.addAttribute("lottery", frameChoices.lotteryOf(registration));
        model.addAttribute("onlineUrl", joinUrl(registration, event));
        model.addAttribute("questions", questionnaires.of(event.id()).stream()
                .filter(question -> question.asks(registration.frameId())).toList());
        if (!model.containsAttribute("answers")) {
            model.addAttribute("answers", Answers.byKey(questionnaires.answersOf(registration.id())));
        }
        return "registration/manage";
    }

    /** The reminder's "I can't come" link: one button frees the seat. A GET never cancels, as mail scanners follow links. */
    @GetMapping("/r/{token}/cant-come")
    String cantCome(@PathVariable String token, Model model) {
        model.addAttribute("cantCome", true);
        return manage(token, model);
    }

    @GetMapping("/r/{token}/reconfirm")
    String reconfirmPrompt(@PathVariable String token, Model model) {
        return manage(token, model);
    }

    @PostMapping("/r/{token}/reconfirm")
    String reconfirm(@PathVariable String token, RedirectAttributes redirect) {
        registrant.reconfirmWithToken(token);
        redirect.addFlashAttribute("justReconfirmed", true);
        return "redirect:/r/" + token;
    }

    /** The registrant confirms, by the link emailed to them, that the registration is theirs: the email is proven. */
    @PostMapping("/r/{token}/prove")
    String prove(@PathVariable String token, RedirectAttributes redirect) {
        registrant.proveEmail(token);
        redirect.addFlashAttribute("justProven", true);
        return "redirect:/r/" + token;
    }

    /**
     * Cancelling takes a second, explicit step: without {@code confirm} the page asks first (no script needed), and the
     * reminder's "I can't come" page is that step already.
     */
    @PostMapping("/r/{token}/cancel")
    String cancel(@PathVariable String token, @RequestParam(defaultValue = "false") boolean confirm, Model model,
            RedirectAttributes redirect) {
        if (!confirm) {
            model.addAttribute("confirmCancel", true);
            return manage(token, model);
        }
        registrant.cancelWithToken(byToken(token).id(), token);
        redirect.addFlashAttribute("justCancelled", true);
        return "redirect:/r/" + token;
    }

    private String formPage(Event event, Map<String, String> answers, Model model) {
        model.addAttribute("event", event);
        model.addAttribute("questions", questionnaires.of(event.id()));
        model.addAttribute("frameNames", events.frames(event.id()).stream()
                .collect(Collectors.toMap(Frame::id, Frame::name)));
        model.addAttribute("answers", answers);
        model.addAttribute("community", community(event));
        model.addAttribute("frameChoices", frameChoices.of(event.id()));
        model.addAttribute("open", event.registrationOpen(clock.instant()));
        model.addAttribute("notYetOpen", event.registrationNotYetOpen(clock.instant()));
        model.addAttribute("subEventFrames", subEvents.of(event.id()).stream()
                .filter(sub -> sub.registrationOpen(clock.instant()))
                .flatMap(sub -> events.frames(sub.id()).stream().map(frame -> new SubEventFrame(sub, frame)))
                .toList());
        return "registration/form";
    }

    private Registration byToken(String token) {
        return registrations.byToken(token).orElseThrow(() -> NotFoundException.of("registration", "with this link"));
    }

    /** The online join URL is shown to confirmed registrants only, never to the waitlisted or lottery applicants. */
    private String joinUrl(Registration registration, Event event) {
        return registration.status() == RegistrationStatus.CONFIRMED && event.online() ? event.onlineUrl() : null;
    }

    private Event event(long id) {
        return events.find(id).orElseThrow(() -> NotFoundException.of("event", id));
    }

    /** The registration form is public: a draft or a hidden event has none. */
    private Event publicEvent(long id) {
        return events.findPublic(id).orElseThrow(() -> NotFoundException.of("event", id));
    }

    private Community community(Event event) {
        return communities.inOrganization(event.organizationId(), event.communityId());
    }

    /**
     * @param subEventFrame a frame of one of the event's sub-events (its 懇親会) to register for as well, or null
     */
    record RegistrationForm(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 320) String email,
            @Size(max = 100) String frame, Long subEventFrame) {
    }

    /** A sub-event's frame offered on its parent's form. */
    record SubEventFrame(Event subEvent, Frame frame) {
    }
}
