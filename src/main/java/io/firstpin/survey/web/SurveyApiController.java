package io.firstpin.survey.web;

import io.firstpin.event.VisibleEvents;
import io.firstpin.identity.Role;
import io.firstpin.survey.SurveyAnswers;
import io.firstpin.survey.SurveyResponse;
import io.firstpin.survey.SurveySummary;
import io.firstpin.survey.Surveys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/events/{id}")
@Tag(name = "Surveys")
class SurveyApiController {

    static final String MANAGE_TOKEN = "X-Manage-Token";

    private final Surveys surveys;
    private final VisibleEvents visibleEvents;

    SurveyApiController(Surveys surveys, VisibleEvents visibleEvents) {
        this.surveys = surveys;
        this.visibleEvents = visibleEvents;
    }

    @PostMapping("/survey-responses")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Answer the event's survey as a registrant (X-Manage-Token). Attendees only, from the event's "
            + "end until the survey closes; one response per registration (a second: 409, edit it with PUT .../mine); "
            + "a registrant who did not attend: 409; scores out of range or text too long: 400. Answers to the event's "
            + "own questions (GET .../survey-questions) go in answers, by question id")
    ResponseBody answer(@PathVariable long id, @RequestHeader(name = MANAGE_TOKEN) String manageToken,
            @RequestBody SurveyRequest request) {
        return ResponseBody.of(surveys.answer(manageToken, id, request.builtInAnswers(), request.extraAnswers()));
    }

    @PutMapping("/survey-responses/mine")
    @Operation(summary = "Replace the registrant's answers (X-Manage-Token) while the survey is open")
    ResponseBody edit(@PathVariable long id, @RequestHeader(name = MANAGE_TOKEN) String manageToken,
            @RequestBody SurveyRequest request) {
        return ResponseBody.of(surveys.edit(manageToken, id, request.builtInAnswers(), request.extraAnswers()));
    }

    @GetMapping("/survey-summary")
    @Operation(summary = "The event's survey numbers. nps: % of answers 9–10 minus % of answers 0–6, rounded half up "
            + "to one decimal, null without responses; cesMean and heatMean rounded half up to two decimals")
    SummaryBody summary(@PathVariable long id) {
        long organizationId = visibleEvents.open(id, Role.VIEWER).organizationId();
        return SummaryBody.of(surveys.summary(organizationId, id));
    }

    /** The fixed API's fields, and {@code answers}: the event's own questions' answers by question id. */
    record SurveyRequest(Integer nps, Integer ces, Integer heat, String best, String comment, Boolean wantsToSpeak,
            String talkTopic, Boolean wantsToOrganise, Boolean anonymous, Map<String, Object> answers) {

        Map<String, Object> extraAnswers() {
            return answers == null ? Map.of() : answers;
        }

        SurveyAnswers builtInAnswers() {
            return new SurveyAnswers(nps, ces, heat, best, comment, Boolean.TRUE.equals(wantsToSpeak), talkTopic,
                    Boolean.TRUE.equals(wantsToOrganise), Boolean.TRUE.equals(anonymous));
        }
    }

    record ResponseBody(long id, long registrationId, int nps, Integer ces, Integer heat, String best, String comment,
            boolean wantsToSpeak, String talkTopic, boolean wantsToOrganise, boolean anonymous, Instant answeredAt,
            Instant updatedAt, Map<String, String> answers) {

        static ResponseBody of(SurveyResponse r) {
            SurveyAnswers a = r.answers();
            Map<String, String> extra = new TreeMap<>();
            r.extraAnswers().forEach((question, answer) -> extra.put(String.valueOf(question), answer));
            return new ResponseBody(r.id(), r.registrationId(), a.nps(), a.ces(), a.heat(), a.best(), a.comment(),
                    a.wantsToSpeak(), a.talkTopic(), a.wantsToOrganise(), a.anonymous(), r.answeredAt(), r.updatedAt(),
                    extra);
        }
    }

    record SummaryBody(int responses, BigDecimal nps, BigDecimal cesMean, BigDecimal heatMean, int wantsToSpeak,
            int wantsToOrganise, int promoters, int passives, int detractors) {

        static SummaryBody of(SurveySummary s) {
            return new SummaryBody(s.responses(), s.nps(), s.cesMean(), s.heatMean(), s.wantsToSpeak(),
                    s.wantsToOrganise(), s.promoters(), s.passives(), s.detractors());
        }
    }
}
