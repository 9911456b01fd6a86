package io.firstpin.survey.web;

import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.registration.Registration;
import io.firstpin.registration.Registrations;
import io.firstpin.survey.ExtraQuestion;
import io.firstpin.survey.SurveyAnswers;
import io.firstpin.survey.SurveyQuestionnaire;
import io.firstpin.survey.SurveyQuestions;
import io.firstpin.survey.Surveys;
import io.firstpin.platform.web.PagePart;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The registrant's survey page, opened by the private link of the survey email or from their registration page. */
@Controller
class SurveyPageController {

    private static final String EXTRA = "answers.";

    private final Surveys surveys;
    private final SurveyQuestions questions;
    private final Registrations registrations;
    private final Events events;
    private final MessageSource messages;

    SurveyPageController(Surveys surveys, SurveyQuestions questions, Registrations registrations, Events events,
            MessageSource messages) {
        this.surveys = surveys;
        this.questions = questions;
        this.registrations = registrations;
        this.events = events;
        this.messages = messages;
    }

    /** The link to the survey on the registrant's page, a part of it loaded by htmx. */
    @GetMapping("/r/{token}/survey-link")
    String link(@PathVariable String token, HttpServletRequest request, Model model) {
        model.addAttribute("invitation", surveys.invitationOf(registrationOf(token)));
        model.addAttribute("token", token);
        return PagePart.view("survey/fragments :: survey-link", request, model);
    }

    @GetMapping("/r/{token}/survey")
    String page(@PathVariable String token, Model model) {
        Registration registration = registrationOf(token);
        Surveys.Invitation invitation = surveys.invitationOf(registration);
        SurveyForm form = invitation.response().map(r -> SurveyForm.of(r.answers())).orElseGet(SurveyForm::empty);
        Map<String, String> extra = new HashMap<>();
        invitation.response().ifPresent(r -> r.extraAnswers()
                .forEach((question, answer) -> extra.put(String.valueOf(question), answer)));
        return page(token, registration, invitation, form, extra, model);
    }

    @PostMapping("/r/{token}/survey")
    String answer(@PathVariable String token, SurveyForm form, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        Registration registration = registrationOf(token);
        // the event's own questions come as answers.<question id>
        Map<String, String> extra = new HashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith(EXTRA)) {
                extra.put(name.substring(EXTRA.length()), value);
            }
        });
        try {
            surveys.answerOrEdit(token, form.answers(), extra);
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
        return page(token, registration, surveys.invitationOf(registration), form, extra, model);
    }

    private String page(String token, Registration registration, Surveys.Invitation invitation, SurveyForm form,
            Map<String, String> extra, Model model) {
        EventSummary event = events.summary(registration.eventId())
                .orElseThrow(() -> NotFoundException.of("event", registration.eventId()));
        model.addAttribute("token", token);
        model.addAttribute("event", event);
        model.addAttribute("invitation", invitation);
        model.addAttribute("form", form);
        model.addAttribute("extra", extra);
        SurveyQuestionnaire questionnaire = questions.of(registration.eventId());
        model.addAttribute("questionnaire", questionnaire);
        model.addAttribute("wording", Wordings.of(questionnaire, messages, LocaleContextHolder.getLocale()));
        model.addAttribute("zone", event.timeZone());
        model.addAttribute("limits", Map.of("best", SurveyAnswers.MAX_BEST, "comment", SurveyAnswers.MAX_COMMENT,
                "talkTopic", SurveyAnswers.MAX_TOPIC, "text", ExtraQuestion.MAX_TEXT_ANSWER));
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
