package io.firstpin.survey;

import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.registration.Registration;
import io.firstpin.registration.Registrations;
import io.firstpin.survey.internal.SurveyProperties;
import io.firstpin.survey.internal.SurveyQuestionRecords;
import io.firstpin.survey.internal.SurveyRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes survey responses: from an event's attendees only (checked in, or confirmed where nobody checked in), one per
 * registration, while the survey is open (from the event's end until {@code close-after} later); until it closes the
 * respondent may edit their answers. Answers the numbers per event.
 */
@Service
public class Surveys {

    private final SurveyRecords records;
    private final SurveyQuestionRecords answerRecords;
    private final SurveyQuestions questions;
    private final Registrations registrations;
    private final Events events;
    private final SurveyProperties properties;
    private final Clock clock;

    Surveys(SurveyRecords records, SurveyQuestionRecords answerRecords, SurveyQuestions questions,
            Registrations registrations, Events events, SurveyProperties properties, Clock clock) {
        this.records = records;
        this.answerRecords = answerRecords;
        this.questions = questions;
        this.registrations = registrations;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** The first response of the registration the private token opens; a second one is refused (409). */
    @Transactional
    public SurveyResponse answer(String manageToken, long eventId, SurveyAnswers answers) {
        return answer(manageToken, eventId, answers, Map.of());
    }

    /**
     * The first response, with answers to the event's own questions by question id; a second one is refused (409).
     */
    @Transactional
    public SurveyResponse answer(String manageToken, long eventId, SurveyAnswers answers, Map<String, ?> extra) {
        Registration registration = registrationOf(manageToken, eventId);
        SurveyQuestionnaire questionnaire = questions.of(eventId);
        SurveyQuestionnaire.Checked valid = questionnaire.check(answers, extra);
        requireAnswerable(registration);
        SurveyResponse response = records.insert(registration.id(), eventId, registration.organizationId(),
                        registration.memberId(), valid.answers(), clock.instant())
                .orElseThrow(() -> new ConflictException("survey", "survey.already-answered"));
        answerRecords.replaceAnswers(response.id(), askedIds(questionnaire), valid.extra());
        return withExtraAnswers(response);
    }

    /** Replaces the answers of the registration's response while the survey is open. */
    @Transactional
    public SurveyResponse edit(String manageToken, long eventId, SurveyAnswers answers) {
        return edit(manageToken, eventId, answers, Map.of());
    }

    /**
     * Replaces the answers of the registration's response while the survey is open; answers to questions retired
     * since the first answer are kept.
     */
    @Transactional
    public SurveyResponse edit(String manageToken, long eventId, SurveyAnswers answers, Map<String, ?> extra) {
        Registration registration = registrationOf(manageToken, eventId);
        SurveyQuestionnaire questionnaire = questions.of(eventId);
        SurveyQuestionnaire.Checked valid = questionnaire.check(answers, extra);
        SurveyResponse response = records.byRegistration(registration.id())
                .orElseThrow(() -> NotFoundException.of("survey response", "of this registration"));
        windowOf(eventId).requireOpen(clock.instant());
        records.update(response.id(), valid.answers(), clock.instant());
        answerRecords.replaceAnswers(response.id(), askedIds(questionnaire), valid.extra());
        return withExtraAnswers(records.byRegistration(registration.id()).orElseThrow());
    }

    /** The survey page's one form: answers the first time, edits afterwards. */
    @Transactional
    public SurveyResponse answerOrEdit(String manageToken, SurveyAnswers answers, Map<String, ?> extra) {
        Registration registration = registrations.byToken(manageToken)
                .orElseThrow(() -> NotFoundException.of("registration", "with this link"));
        return records.byRegistration(registration.id()).isPresent()
                ? edit(manageToken, registration.eventId(), answers, extra)
                : answer(manageToken, registration.eventId(), answers, extra);
    }

    /** What the survey page shows the registrant: whether they may answer, until when, and what they answered. */
    public Invitation invitationOf(Registration registration) {
        SurveyWindow window = windowOf(registration.eventId());
        boolean attendee = records.attended(registration.eventId(), registration.id());
        return new Invitation(window, window.open(clock.instant()), window.closed(clock.instant()), attendee,
                records.byRegistration(registration.id()).map(this::withExtraAnswers));
    }

    public SurveyWindow windowOf(long eventId) {
        EventSummary event = events.summary(eventId).orElseThrow(() -> NotFoundException.of("event", eventId));
        return new SurveyWindow(event.endsAt(), event.endsAt().plus(properties.closeAfter()));
    }

    public SurveySummary summary(long organizationId, long eventId) {
        return SurveySummary.of(records.ofEvent(organizationId, eventId).stream()
                .map(named -> named.response().answers()).toList());
    }

    /** The event's responses as staff see them: an anonymous respondent's name is never given. */
    public List<Respondent> respondents(long organizationId, long eventId) {
        Map<Long, Map<Long, String>> extra = answerRecords.answersOfEvent(organizationId, eventId);
        return records.ofEvent(organizationId, eventId).stream()
                .map(named -> new Respondent(named.response().withExtraAnswers(
                                extra.getOrDefault(named.response().id(), Map.of())),
                        named.response().answers().anonymous() ? null : named.name()))
                .toList();
    }

    /**
     * The results of the event's own questions, in their order: what was chosen on each option or scale point, and
     * the texts with their respondent's name (none for an anonymous respondent). A retired question is shown while it
     * has answers.
     */
    public List<QuestionResult> questionResults(long organizationId, long eventId) {
        List<Respondent> respondents = respondents(organizationId, eventId);
        List<QuestionResult> results = new ArrayList<>();
        for (ExtraQuestion question : questions.of(eventId).questions()) {
            List<Integer> counts = new ArrayList<>(Collections.nCopies(question.categories().size(), 0));
            List<TextAnswer> texts = new ArrayList<>();
            int answered = 0;
            for (Respondent respondent : respondents) {
                String answer = respondent.response().extraAnswer(question.id());
                if (answer == null) {
                    continue;
                }
                answered++;
                int category = question.categories().indexOf(answer);
                if (category >= 0) {
                    counts.set(category, counts.get(category) + 1);
                }
                if (question.kind() == QuestionKind.TEXT) {
                    texts.add(new TextAnswer(respondent.name(), answer));
                }
            }
            if (!question.retired() || answered > 0) {
                results.add(new QuestionResult(question, answered, List.copyOf(counts), List.copyOf(texts)));
            }
        }
        return results;
    }

    /** An event's own question with its answers: counts per category for a choice or scale, texts for text. */
    public record QuestionResult(ExtraQuestion question, int answered, List<Integer> counts, List<TextAnswer> texts) {
    }

    /** A text answer with its respondent's name, or null when they answered anonymously. */
    public record TextAnswer(String name, String text) {
    }

    private SurveyResponse withExtraAnswers(SurveyResponse response) {
        return response.withExtraAnswers(answerRecords.answersOf(response.id()));
    }

    private static List<Long> askedIds(SurveyQuestionnaire questionnaire) {
        return questionnaire.asked().stream().map(ExtraQuestion::id).toList();
    }

    /**
     * What the member said in surveys, for their profile: anonymous answers are left out, since showing them under
     * the member's name would undo the anonymity.
     */
    public List<AnsweredSurvey> ofMember(long organizationId, long memberId) {
        return records.ofMember(organizationId, memberId).stream().map(answered -> {
            Map<Long, String> extra = answerRecords.answersOf(answered.response().id());
            List<AnsweredSurvey.ExtraAnswer> shown = extra.isEmpty() ? List.of()
                    : questions.of(answered.response().eventId()).questions().stream()
                            .filter(q -> extra.containsKey(q.id()))
                            .map(q -> new AnsweredSurvey.ExtraAnswer(q.wording(), extra.get(q.id())))
                            .toList();
            return new AnsweredSurvey(answered.response().withExtraAnswers(extra), answered.eventTitle(),
                    answered.eventStartsAt(), shown);
        }).toList();
    }

    /** Each event of these communities that has answers, in order, with its summary: NPS, CES and heat over time. */
    public List<EventSurvey> overTime(long organizationId, Collection<Long> communityIds) {
        Map<Long, List<SurveyRecords.EventAnswer>> byEvent = records.ofCommunities(organizationId, communityIds)
                .stream().collect(Collectors.groupingBy(SurveyRecords.EventAnswer::eventId, LinkedHashMap::new,
                        Collectors.toList()));
        return byEvent.values().stream()
                .map(answers -> new EventSurvey(answers.get(0).eventId(), answers.get(0).title(),
                        answers.get(0).startsAt(), SurveySummary.of(answers.stream()
                                .map(SurveyRecords.EventAnswer::answers).toList())))
                .toList();
    }

    /**
     * The summary of each of these events, for other modules' reports (the insight dashboard): the same numbers as the
     * survey's own pages. An event without responses has an empty summary (NPS and means null).
     */
    @Transactional(readOnly = true)
    public Map<Long, SurveySummary> summariesOf(long organizationId, Collection<Long> eventIds) {
        Map<Long, List<SurveyAnswers>> byEvent = new HashMap<>();
        records.ofEvents(organizationId, eventIds).forEach(answer -> byEvent
                .computeIfAbsent(answer.eventId(), id -> new ArrayList<>()).add(answer.answers()));
        Map<Long, SurveySummary> summaries = new LinkedHashMap<>();
        eventIds.forEach(id -> summaries.put(id, SurveySummary.of(byEvent.getOrDefault(id, List.of()))));
        return summaries;
    }

    /** An event's survey summary, for the trend over time. */
    public record EventSurvey(long eventId, String title, Instant startsAt, SurveySummary summary) {
    }

    private Registration registrationOf(String manageToken, long eventId) {
        return registrations.byToken(manageToken).filter(r -> r.eventId() == eventId)
                .orElseThrow(() -> NotFoundException.of("registration", "with this link"));
    }

    private void requireAnswerable(Registration registration) {
        windowOf(registration.eventId()).requireOpen(clock.instant());
        if (!records.attended(registration.eventId(), registration.id())) {
            throw new ConflictException("survey", "survey.not-attendee");
        }
    }

    /** A registrant's survey: open now or not, whether they attended, their response if any. */
    public record Invitation(SurveyWindow window, boolean open, boolean closed, boolean attendee, Optional<SurveyResponse> response) {

        public boolean canAnswer() {
            return open && attendee;
        }
    }

    /** A response with its respondent's name, or null when they answered anonymously. */
    public record Respondent(SurveyResponse response, String name) {
    }
}
