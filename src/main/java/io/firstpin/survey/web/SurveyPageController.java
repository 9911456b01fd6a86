package io.firstpin.survey.web;

import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.registration.Registration;
import io.firstpin.registration.Registrations;
import io.firstpin.survey.SurveyAnswers;
import io.firstpin.survey.Surveys;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The registrant's survey page, opened by the private link of the survey email or from their registration page. */
@Controller
class SurveyPageController {

    private final Surveys surveys;
    private final Registrations registrations;
    private final Events events;
    private final MessageSource messages;

    SurveyPageController(Surveys surveys, Registrations registrations, Events events, MessageSource messages) {
        this.surveys = surveys;
        this.registrations = registrations;
        this.events = events;
        this.messages = messages;
    }

    @GetMapping("/r/{token}/survey")
    String page(@PathVariable String token, Model model) {
        Registration registration = registrationOf(token);
        Surveys.Invitation invitation = surveys.invitationOf(registration);
        SurveyForm form = invitation.response().map(r -> SurveyForm.of(r.answers())).orElseGet(SurveyForm::empty);
        return page(token, registration, invitation, form, model);
    }

    @PostMapping("/r/{token}/survey")
    String answer(@PathVariable String token, SurveyForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response, Locale locale) {
        Registration registration = registrationOf(token);
        try {
            surveys.answerOrEdit(token, form.answers());
            redirect.addFlashAttribute("surveySaved", true);
            return "redirect:/r/" + token + "/survey";
        } catch (InvalidInputException e) {
            Map<String, String> problems = new LinkedHashMap<>();
            e.problems().forEach(p -> problems.putIfAbsent(p.field(),
                    messages.getMessage(p.code(), p.args().toArray(), p.code(), locale)));
            model.addAttribute("problems", problems);
        } catch (ConflictException e) {
            model.addAttribute("surveyError", messages.getMessage(e.code(), e.args().toArray(), e.code(), locale));
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(token, registration, surveys.invitationOf(registration), form, model);
    }

    private String page(String token, Registration registration, Surveys.Invitation invitation, SurveyForm form,
            Model model) {
        EventSummary event = events.summary(registration.eventId())
                .orElseThrow(() -> NotFoundException.of("event", registration.eventId()));
        model.addAttribute("token", token);
        model.addAttribute("event", event);
        model.addAttribute("invitation", invitation);
        model.addAttribute("form", form);
        model.addAttribute("zone", event.timeZone());
        model.addAttribute("limits", Map.of("best", SurveyAnswers.MAX_BEST, "comment", SurveyAnswers.MAX_COMMENT,
                "talkTopic", SurveyAnswers.MAX_TOPIC));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", Map.of());
        }
        return "survey/form";
    }

    private Registration registrationOf(String token) {
        return registrations.byToken(token).orElseThrow(() -> NotFoundException.of("registration", "with this link"));
    }

    /** The form as posted: unchecked boxes are absent, a missing score stays null. */
    record SurveyForm(Integer nps, Integer ces, Integer heat, String best, String comment, Boolean wantsToSpeak,
            String talkTopic, Boolean wantsToOrganise, Boolean anonymous) {

        static SurveyForm empty() {
            return new SurveyForm(null, null, null, "", "", false, "", false, false);
        }

        static SurveyForm of(SurveyAnswers a) {
            return new SurveyForm(a.nps(), a.ces(), a.heat(), a.best(), a.comment(), a.wantsToSpeak(), a.talkTopic(),
                    a.wantsToOrganise(), a.anonymous());
        }

        SurveyAnswers answers() {
            return new SurveyAnswers(nps, ces, heat, best, comment, Boolean.TRUE.equals(wantsToSpeak), talkTopic,
                    Boolean.TRUE.equals(wantsToOrganise), Boolean.TRUE.equals(anonymous));
        }
    }
}
