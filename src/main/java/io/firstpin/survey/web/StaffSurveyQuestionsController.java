package io.firstpin.survey.web;

import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.event.VisibleEvents;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.survey.BuiltInQuestion;
import io.firstpin.survey.QuestionDraft;
import io.firstpin.survey.QuestionKind;
import io.firstpin.survey.SurveyQuestionnaire;
import io.firstpin.survey.SurveyQuestions;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff's editing of an event's survey: the built-in questions' wording and switches, and the event's own questions
 * (add, rewrite, move, retire). Leaders edit; viewers read.
 */
@Controller
@RequestMapping("/manage/{org}/events/{id}/survey/questions")
class StaffSurveyQuestionsController {

    private final Organizations organizations;
    private final Events events;
    private final SurveyQuestions questions;
    private final AccessGuard access;
    private final MessageSource messages;
    private final VisibleEvents visibleEvents;

    StaffSurveyQuestionsController(Organizations organizations, Events events, SurveyQuestions questions,
            AccessGuard access, MessageSource messages, VisibleEvents visibleEvents) {
        this.organizations = organizations;
        this.events = events;
        this.questions = questions;
        this.access = access;
        this.messages = messages;
        this.visibleEvents = visibleEvents;
    }

    @GetMapping
    String page(@PathVariable String org, @PathVariable long id, Model model, Locale locale) {
        Organization organization = organizations.enter(org, Role.VIEWER);
        visibleEvents.open(organization.id(), id, Role.VIEWER);
        return page(organization, id, model, locale);
    }

    @PostMapping("/built-in/{question}")
    String builtIn(@PathVariable String org, @PathVariable long id, @PathVariable String question, BuiltInForm form,
            Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        return change(org, id, model, redirect, response, locale, organization -> questions.setBuiltIn(
                organization.id(), id, BuiltInQuestion.of(question), form.wording(),
                Boolean.TRUE.equals(form.enabled())));
    }

    @PostMapping
    String add(@PathVariable String org, @PathVariable long id, QuestionForm form, Model model,
            RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        model.addAttribute("draft", form);
        return change(org, id, model, redirect, response, locale,
                organization -> questions.add(organization.id(), id, form.draft()));
    }

    @PostMapping("/{questionId}")
    String rewrite(@PathVariable String org, @PathVariable long id, @PathVariable long questionId, QuestionForm form,
            Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        return change(org, id, model, redirect, response, locale, organization -> questions.change(
                organization.id(), id, questionId, form.draft(), Boolean.TRUE.equals(form.retired())));
    }

    @PostMapping("/{questionId}/retire")
    String retire(@PathVariable String org, @PathVariable long id, @PathVariable long questionId, Model model,
            RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        return change(org, id, model, redirect, response, locale,
                organization -> questions.retire(organization.id(), id, questionId, true));
    }

    @PostMapping("/{questionId}/restore")
    String restore(@PathVariable String org, @PathVariable long id, @PathVariable long questionId, Model model,
            RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        return change(org, id, model, redirect, response, locale,
                organization -> questions.retire(organization.id(), id, questionId, false));
    }

    @PostMapping("/{questionId}/up")
    String up(@PathVariable String org, @PathVariable long id, @PathVariable long questionId, Model model,
            RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        return change(org, id, model, redirect, response, locale, organization -> {
            questions.move(organization.id(), id, questionId, -1);
            return null;
        });
    }

    @PostMapping("/{questionId}/down")
    String down(@PathVariable String org, @PathVariable long id, @PathVariable long questionId, Model model,
            RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        return change(org, id, model, redirect, response, locale, organization -> {
            questions.move(organization.id(), id, questionId, 1);
            return null;
        });
    }

    /** Runs one change as a leader; a refused change shows the page again with the reason (400 or 409). */
    private String change(String org, long id, Model model, RedirectAttributes redirect, HttpServletResponse response,
            Locale locale, Function<Organization, Object> change) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        visibleEvents.open(organization.id(), id, Role.COMMUNITY_LEADER);
        try {
            change.apply(organization);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/manage/" + organization.slug() + "/events/" + id + "/survey/questions";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", e.problems().stream()
                    .map(p -> messages.getMessage(p.code(), p.args().toArray(), p.code(), locale)).toList());
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("problems",
                    List.of(messages.getMessage(e.code(), e.args().toArray(), e.code(), locale)));
        }
        return page(organization, id, model, locale);
    }

    private String page(Organization organization, long id, Model model, Locale locale) {
        EventSummary event = events.summary(id).orElseThrow();
        SurveyQuestionnaire questionnaire = questions.of(id);
        model.addAttribute("org", organization);
        model.addAttribute("event", event);
        model.addAttribute("questionnaire", questionnaire);
        model.addAttribute("kinds", QuestionKind.values());
        model.addAttribute("defaults", List.of(BuiltInQuestion.values()).stream()
                .map(q -> Wordings.defaultOf(q, messages, locale)).toList());
        model.addAttribute("canLead",
                access.roleIn(organization.id()).map(r -> r.includes(Role.COMMUNITY_LEADER)).orElse(false));
        model.addAttribute("limits", List.of(QuestionDraft.MAX_WORDING, QuestionDraft.MAX_OPTIONS,
                QuestionDraft.MAX_OPTION));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new QuestionForm("TEXT", "", "", false, false));
        }
        return "survey/questions";
    }

    record BuiltInForm(String wording, Boolean enabled) {
    }

    /** A question as typed: options one per line. */
    record QuestionForm(String kind, String wording, String options, Boolean required, Boolean retired) {

        QuestionDraft draft() {
            return QuestionDraft.of(kind, wording, options == null ? List.of() : List.of(options), required);
        }
    }
}
