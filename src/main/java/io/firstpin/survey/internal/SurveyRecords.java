package io.firstpin.survey.internal;

import static io.firstpin.platform.db.Tables.SURVEY_RESPONSE;
import static io.firstpin.platform.db.Tables.SURVEY_ROUND;

import io.firstpin.attendee.AttendeeRule;
import io.firstpin.event.EventReads;
import io.firstpin.event.EventRound;
import io.firstpin.registration.EventRegistrants;
import io.firstpin.survey.AnsweredSurvey;
import io.firstpin.survey.SurveyAnswers;
import io.firstpin.survey.SurveyResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Survey responses and survey email rounds. Attendees follow the KPI definition: the members checked in, or, for an
 * event without any check-in, its confirmed registrants.
 */
@Component
public class SurveyRecords {

    /** The survey email goes out once per event, whenever it starts. */
    public static final EventRound ROUND = EventRound.of("Survey email", SURVEY_ROUND.EVENT_ID, SURVEY_ROUND.DONE_AT,
            SURVEY_ROUND.RECIPIENTS).withOrganization(SURVEY_ROUND.ORGANIZATION_ID);

    private final DSLContext db;

    SurveyRecords(DSLContext db) {
        this.db = db;
    }

    public boolean attended(long eventId, long registrationId) {
        EventRegistrants registrants = EventRegistrants.of(eventId);
        return db.fetchExists(DSL.selectOne().from(registrants.table())
                .where(registrants.id().eq(registrationId))
                .and(AttendeeRule.attended(registrants.eventId(), registrants.memberId())));
    }

    /** False when the registration has a response already (also one written concurrently). */
    public Optional<SurveyResponse> insert(long registrationId, long eventId, long organizationId, long memberId,
            SurveyAnswers answers, Instant now) {
        try {
            Long id = db.insertInto(SURVEY_RESPONSE)
                    .set(SURVEY_RESPONSE.REGISTRATION_ID, registrationId)
                    .set(SURVEY_RESPONSE.EVENT_ID, eventId)
                    .set(SURVEY_RESPONSE.ORGANIZATION_ID, organizationId)
                    .set(SURVEY_RESPONSE.MEMBER_ID, memberId)
                    .set(answerColumns(answers))
                    .set(SURVEY_RESPONSE.ANSWERED_AT, at(now))
                    .set(SURVEY_RESPONSE.UPDATED_AT, at(now))
                    .onConflictDoNothing()
                    .returningResult(SURVEY_RESPONSE.ID)
                    .fetchOptional(SURVEY_RESPONSE.ID)
                    .orElse(null);
            return id == null ? Optional.empty() : byRegistration(registrationId);
        } catch (DuplicateKeyException answeredConcurrently) {
            return Optional.empty();
        }
    }

    /** The columns a response's answers are kept in, the same for a first answer and an edit. */
    private static Map<Field<?>, Object> answerColumns(SurveyAnswers answers) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(SURVEY_RESPONSE.NPS, answers.nps());
        columns.put(SURVEY_RESPONSE.CES, answers.ces());
        columns.put(SURVEY_RESPONSE.HEAT, answers.heat());
        columns.put(SURVEY_RESPONSE.BEST, answers.best());
        columns.put(SURVEY_RESPONSE.COMMENT, answers.comment());
        columns.put(SURVEY_RESPONSE.WANTS_TO_SPEAK, answers.wantsToSpeak());
        columns.put(SURVEY_RESPONSE.TALK_TOPIC, answers.talkTopic());
        columns.put(SURVEY_RESPONSE.WANTS_TO_ORGANISE, answers.wantsToOrganise());
        columns.put(SURVEY_RESPONSE.ANONYMOUS, answers.anonymous());
        return columns;
    }

    public void update(long responseId, SurveyAnswers answers, Instant now) {
        db.update(SURVEY_RESPONSE)
                .set(answerColumns(answers))
                .set(SURVEY_RESPONSE.UPDATED_AT, at(now))
                .where(SURVEY_RESPONSE.ID.eq(responseId))
                .execute();
    }

    public Optional<SurveyResponse> byRegistration(long registrationId) {
        return db.selectFrom(SURVEY_RESPONSE).where(SURVEY_RESPONSE.REGISTRATION_ID.eq(registrationId))
                .fetchOptional(SurveyRecords::response);
    }

    /** The event's responses with the respondent's name on their registration, first answered first. */
    public List<Named> ofEvent(long organizationId, long eventId) {
        EventRegistrants registrants = EventRegistrants.of(eventId);
        return db.select(SURVEY_RESPONSE.fields()).select(registrants.name())
                .from(SURVEY_RESPONSE).join(registrants.table()).on(registrants.id().eq(SURVEY_RESPONSE.REGISTRATION_ID))
                .where(SURVEY_RESPONSE.ORGANIZATION_ID.eq(organizationId)).and(SURVEY_RESPONSE.EVENT_ID.eq(eventId))
                .orderBy(SURVEY_RESPONSE.ANSWERED_AT, SURVEY_RESPONSE.ID)
                .fetch(row -> new Named(response(row), row.get(registrants.name())));
    }

    /** The member's responses that were not given anonymously, with the event's title and start, newest first. */
    public List<AnsweredSurvey> ofMember(long organizationId, long memberId) {
        EventReads event = EventReads.events();
        return db.select(SURVEY_RESPONSE.fields()).select(event.title(), event.startsAt())
                .from(SURVEY_RESPONSE).join(event.table()).on(event.id().eq(SURVEY_RESPONSE.EVENT_ID))
                .where(SURVEY_RESPONSE.ORGANIZATION_ID.eq(organizationId))
                .and(SURVEY_RESPONSE.MEMBER_ID.eq(memberId))
                .and(SURVEY_RESPONSE.ANONYMOUS.isFalse())
                .orderBy(event.startsAt().desc(), SURVEY_RESPONSE.ID.desc())
                .limit(50)
                .fetch(row -> new AnsweredSurvey(response(row), row.get(event.title()),
                        row.get(event.startsAt()).toInstant()));
    }

    /** Every answer given for the events of these communities, in event order, for the trend over time. */
    public List<EventAnswer> ofCommunities(long organizationId, Collection<Long> communityIds) {
        EventReads event = EventReads.events();
        return answers(event, SURVEY_RESPONSE.ORGANIZATION_ID.eq(organizationId)
                .and(event.communityId().in(communityIds)));
    }

    /** Every answer given for these events (of the organization), for their summaries. */
    public List<EventAnswer> ofEvents(long organizationId, Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        EventReads event = EventReads.events();
        return answers(event, SURVEY_RESPONSE.ORGANIZATION_ID.eq(organizationId)
                .and(SURVEY_RESPONSE.EVENT_ID.in(eventIds)));
    }

    /** The answers with their event's title and start, in event order. */
    private List<EventAnswer> answers(EventReads event, Condition which) {
        return db.select(SURVEY_RESPONSE.fields()).select(event.title(), event.startsAt())
                .from(SURVEY_RESPONSE).join(event.table()).on(event.id().eq(SURVEY_RESPONSE.EVENT_ID))
                .where(which)
                .orderBy(event.startsAt(), event.id())
                .fetch(row -> new EventAnswer(row.get(SURVEY_RESPONSE.EVENT_ID), row.get(event.title()),
                        row.get(event.startsAt()).toInstant(), response(row).answers()));
    }

    public record EventAnswer(long eventId, String title, Instant startsAt, SurveyAnswers answers) {
    }

    /** The event's attendees with an email, reached at the email and in the language of their registration. */
    public List<Recipient> recipients(long eventId) {
        EventRegistrants registrants = EventRegistrants.of(eventId);
        return db.select(registrants.id(), registrants.memberId(), registrants.name(), registrants.email(),
                        registrants.locale())
                .from(registrants.table())
                .where(registrants.email().isNotNull())
                .and(AttendeeRule.attended(registrants.eventId(), registrants.memberId()))
                .orderBy(registrants.registeredAt(), registrants.id())
                .fetch(row -> new Recipient(row.value1(), row.value2(), row.value3(), row.value4(),
                        row.value5() == null ? null : Locale.forLanguageTag(row.value5())));
    }

    private static SurveyResponse response(Record row) {
        return new SurveyResponse(row.get(SURVEY_RESPONSE.ID), row.get(SURVEY_RESPONSE.REGISTRATION_ID),
                row.get(SURVEY_RESPONSE.EVENT_ID), row.get(SURVEY_RESPONSE.ORGANIZATION_ID),
                row.get(SURVEY_RESPONSE.MEMBER_ID),
                new SurveyAnswers(row.get(SURVEY_RESPONSE.NPS), row.get(SURVEY_RESPONSE.CES),
                        row.get(SURVEY_RESPONSE.HEAT), row.get(SURVEY_RESPONSE.BEST), row.get(SURVEY_RESPONSE.COMMENT),
                        row.get(SURVEY_RESPONSE.WANTS_TO_SPEAK), row.get(SURVEY_RESPONSE.TALK_TOPIC),
                        row.get(SURVEY_RESPONSE.WANTS_TO_ORGANISE), row.get(SURVEY_RESPONSE.ANONYMOUS)),
                row.get(SURVEY_RESPONSE.ANSWERED_AT).toInstant(), row.get(SURVEY_RESPONSE.UPDATED_AT).toInstant(),
                Map.of());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public record Named(SurveyResponse response, String name) {
    }

    public record Recipient(long registrationId, long memberId, String name, String email, Locale locale) {
    }
}
