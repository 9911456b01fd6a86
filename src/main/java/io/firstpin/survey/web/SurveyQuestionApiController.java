package io.firstpin.survey.web;

import io.firstpin.event.VisibleEvents;
import io.firstpin.identity.Role;
import io.firstpin.survey.BuiltInQuestion;
import io.firstpin.survey.BuiltInSetting;
import io.firstpin.survey.ExtraQuestion;
import io.firstpin.survey.QuestionDraft;
import io.firstpin.survey.SurveyQuestionnaire;
import io.firstpin.survey.SurveyQuestions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The questions of an event's survey, for the organization's admins. */
@RestController
@RequestMapping("/api/v1/events/{id}/survey-questions")
@Tag(name = "Surveys")
class SurveyQuestionApiController {

    private final SurveyQuestions questions;
    private final MessageSource messages;
    private final VisibleEvents visibleEvents;

    SurveyQuestionApiController(SurveyQuestions questions, MessageSource messages, VisibleEvents visibleEvents) {
        this.questions = questions;
        this.messages = messages;
        this.visibleEvents = visibleEvents;
    }

    @GetMapping
    @Operation(summary = "The event's survey questions: the built-in ones (wording null = the default, shown as "
            + "defaultWording in the caller's language) and the event's own questions in order, retired ones included")
    QuestionsBody list(@PathVariable long id) {
        long organizationId = visibleEvents.open(id, Role.VIEWER).organizationId();
        return body(questions.of(id));
    }

    @PutMapping("/built-in/{question}")
    @Operation(summary = "Reword a built-in question (nps, ces, heat, best, comment, speak, organise) for this event "
            + "or switch it off; a blank wording brings back the default; nps cannot be switched off (400)")
    QuestionsBody builtIn(@PathVariable long id, @PathVariable String question, @RequestBody BuiltInRequest request) {
        long organizationId = visibleEvents.open(id, Role.ORGANIZATION_ADMIN).organizationId();
        return body(questions.setBuiltIn(organizationId, id, BuiltInQuestion.of(question), request.wording(),
                request.enabled() == null || request.enabled()));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a question of the event's own: kind text, choice (options: at least 2) or scale (1–5)")
    QuestionBody add(@PathVariable long id, @RequestBody QuestionRequest request) {
        long organizationId = visibleEvents.open(id, Role.ORGANIZATION_ADMIN).organizationId();
        return QuestionBody.of(questions.add(organizationId, id, request.draft()));
    }

    @PutMapping("/{questionId}")
    @Operation(summary = "Rewrite one of the event's own questions, or retire it (retired: true). A question with "
            + "answers cannot change its kind, nor lose an option somebody chose (409)")
    QuestionBody change(@PathVariable long id, @PathVariable long questionId, @RequestBody QuestionRequest request) {
        long organizationId = visibleEvents.open(id, Role.ORGANIZATION_ADMIN).organizationId();
        return QuestionBody.of(questions.change(organizationId, id, questionId, request.draft(),
                Boolean.TRUE.equals(request.retired())));
    }

    private QuestionsBody body(SurveyQuestionnaire questionnaire) {
        Locale locale = LocaleContextHolder.getLocale();
        return new QuestionsBody(questionnaire.builtInSettings().stream()
                .map(s -> BuiltInBody.of(s, messages.getMessage(s.question().messageCode(), null, locale)))
                .toList(), questionnaire.questions().stream().map(QuestionBody::of).toList());
    }

    record BuiltInRequest(String wording, Boolean enabled) {
    }

    record QuestionRequest(String kind, String wording, List<String> options, Boolean required, Boolean retired) {

        QuestionDraft draft() {
            return QuestionDraft.of(kind, wording, options, required);
        }
    }

    record QuestionsBody(List<BuiltInBody> builtIn, List<QuestionBody> questions) {
    }

    record BuiltInBody(String question, String wording, String defaultWording, boolean enabled) {

        static BuiltInBody of(BuiltInSetting setting, String defaultWording) {
            return new BuiltInBody(setting.question().key(), setting.wording(), defaultWording, setting.enabled());
        }
    }

    record QuestionBody(long id, String kind, String wording, List<String> options, boolean required, int order,
            boolean retired) {

        static QuestionBody of(ExtraQuestion q) {
            return new QuestionBody(q.id(), q.kind().key(), q.wording(), q.options(), q.required(), q.displayOrder(),
                    q.retired());
        }
    }
}
