package io.firstpin.survey;

import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.registration.Registration;
import io.firstpin.registration.Registrations;
import io.firstpin.survey.internal.SurveyProperties;
import io.firstpin.survey.internal.SurveyRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
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
    private final Registrations registrations;
    private final Events events;
    private final SurveyProperties properties;
    private final Clock clock;

    Surveys(SurveyRecords records, Registrations registrations, Events events, SurveyProperties properties,
            Clock clock) {
        this.records = records;
        this.registrations = registrations;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** The first response of the registration the private token opens; a second one is refused (409). */
    @Transactional
    public SurveyResponse answer(String manageToken, long eventId, SurveyAnswers answers) {
        Registration registration = registrationOf(manageToken, eventId);
        SurveyAnswers valid = answers.validated();
        requireAnswerable(registration);
        return records.insert(registration.id(), eventId, registration.organizationId(), registration.memberId(), valid,
                clock.instant()).orElseThrow(() -> new ConflictException("survey", "survey.already-answered"));
    }

    /** Replaces the answers of the registration's response while the survey is open. */
    @Transactional
    public SurveyResponse edit(String manageToken, long eventId, SurveyAnswers answers) {
        Registration registration = registrationOf(manageToken, eventId);
        SurveyAnswers valid = answers.validated();
        SurveyResponse response = records.byRegistration(registration.id())
                .orElseThrow(() -> NotFoundException.of("survey response", "of this registration"));
        windowOf(eventId).requireOpen(clock.instant());
        records.update(response.id(), valid, clock.instant());
        return records.byRegistration(registration.id()).orElseThrow();
    }

    /** The survey page's one form: answers the first time, edits afterwards. */
    @Transactional
    public SurveyResponse answerOrEdit(String manageToken, SurveyAnswers answers) {
        Registration registration = registrations.byToken(manageToken)
                .orElseThrow(() -> NotFoundException.of("registration", "with this link"));
        return records.byRegistration(registration.id()).isPresent()
                ? edit(manageToken, registration.eventId(), answers)
                : answer(manageToken, registration.eventId(), answers);
    }

    /** What the survey page shows the registrant: whether they may answer, until when, and what they answered. */
    public Invitation invitationOf(Registration registration) {
        SurveyWindow window = windowOf(registration.eventId());
        boolean attendee = records.attended(registration.eventId(), registration.id());
        return new Invitation(window, window.open(clock.instant()), window.closed(clock.instant()), attendee,
                records.byRegistration(registration.id()));
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
        return records.ofEvent(organizationId, eventId).stream()
                .map(named -> new Respondent(named.response(),
                        named.response().answers().anonymous() ? null : named.name()))
                .toList();
    }

    /**
     * What the member said in surveys, for their profile: anonymous answers are left out, since showing them under
     * the member's name would undo the anonymity.
     */
    public List<AnsweredSurvey> ofMember(long organizationId, long memberId) {
        return records.ofMember(organizationId, memberId);
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
