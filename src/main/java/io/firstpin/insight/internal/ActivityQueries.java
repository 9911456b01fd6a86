package io.firstpin.insight.internal;

import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.EVENT_SESSION;
import static io.firstpin.platform.db.Tables.LEADER_ROLE;
import static io.firstpin.platform.db.Tables.OUTPUT;
import static io.firstpin.platform.db.Tables.OUTPUT_LINK;
import static io.firstpin.platform.db.Tables.REGISTRATION;
import static io.firstpin.platform.db.Tables.SESSION_SPEAKER;
import static io.firstpin.platform.db.Tables.SURVEY_RESPONSE;
import static org.jooq.impl.DSL.coalesce;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/**
 * One member's rows in the other modules' tables, for their activity timeline and ladder steps. Every query is bounded
 * by the organization and reads by member, which the member indexes of those tables answer.
 */
@Component
public class ActivityQueries {

    private final DSLContext db;

    ActivityQueries(DSLContext db) {
        this.db = db;
    }

    /** Every registration of the member, whatever its status. */
    public List<RegistrationRow> registrations(long organizationId, long memberId) {
        return db.select(EVENT.ID, EVENT.TITLE, EVENT.COMMUNITY_ID, REGISTRATION.STATUS, REGISTRATION.REGISTERED_AT)
                .from(REGISTRATION)
                .join(EVENT).on(EVENT.ID.eq(REGISTRATION.EVENT_ID))
                .where(REGISTRATION.ORGANIZATION_ID.eq(organizationId))
                .and(REGISTRATION.MEMBER_ID.eq(memberId))
                .fetch(r -> new RegistrationRow(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5().toInstant()));
    }

    /** The sessions the member spoke in, at events that started before {@code before}. */
    public List<TalkRow> talks(long organizationId, long memberId, Instant before) {
        return db.select(EVENT.ID, EVENT.TITLE, EVENT.COMMUNITY_ID, EVENT.STARTS_AT, EVENT_SESSION.KIND,
                        EVENT_SESSION.TITLE)
                .from(SESSION_SPEAKER)
                .join(EVENT_SESSION).on(EVENT_SESSION.ID.eq(SESSION_SPEAKER.EVENT_SESSION_ID))
                .join(EVENT).on(EVENT.ID.eq(EVENT_SESSION.EVENT_ID))
                .where(SESSION_SPEAKER.MEMBER_ID.eq(memberId))
                .and(EVENT.ORGANIZATION_ID.eq(organizationId))
                .and(EVENT.STARTS_AT.lt(at(before)))
                .fetch(r -> new TalkRow(r.value1(), r.value2(), r.value3(), r.value4().toInstant(), r.value5(),
                        r.value6()));
    }

    /** The outputs the member wrote, dated by publication or, where that is unknown, by when they were recorded. */
    public List<OutputRow> outputs(long organizationId, long memberId) {
        return db.select(OUTPUT.KIND, OUTPUT.TITLE, OUTPUT.URL, coalesce(OUTPUT.PUBLISHED_AT, OUTPUT.CREATED_AT))
                .from(OUTPUT)
                .where(OUTPUT.ORGANIZATION_ID.eq(organizationId))
                .and(OUTPUT.AUTHOR_MEMBER_ID.eq(memberId))
                .fetch(r -> new OutputRow(r.value1(), r.value2(), r.value3(), r.value4().toInstant()));
    }

    /**
     * The member's outputs as linked (and not unlinked) to events that started before {@code before}, one row per
     * link: the event's community and the output's date (publication, or the event's start where that is unknown),
     * those dated {@code before} or later left out, as the ladder counts them.
     */
    public List<LinkRow> outputLinks(long organizationId, long memberId, Instant before) {
        Field<OffsetDateTime> dated = coalesce(OUTPUT.PUBLISHED_AT, EVENT.STARTS_AT);
        return db.select(EVENT.COMMUNITY_ID, dated)
                .from(OUTPUT_LINK)
                .join(OUTPUT).on(OUTPUT.ID.eq(OUTPUT_LINK.OUTPUT_ID))
                .join(EVENT).on(EVENT.ID.eq(OUTPUT_LINK.EVENT_ID))
                .where(OUTPUT.ORGANIZATION_ID.eq(organizationId))
                .and(OUTPUT.AUTHOR_MEMBER_ID.eq(memberId))
                .and(OUTPUT_LINK.UNLINKED_AT.isNull())
                .and(OUTPUT_LINK.AWAITING_REVIEW.isFalse())
                .and(EVENT.STARTS_AT.lt(at(before)))
                .and(dated.lt(at(before)))
                .fetch(r -> new LinkRow(r.value1(), r.value2().toInstant()));
    }

    /** The member's survey answers given under their name; anonymous ones are never read here. */
    public List<SurveyRow> namedSurveyAnswers(long organizationId, long memberId) {
        return db.select(EVENT.ID, EVENT.TITLE, EVENT.COMMUNITY_ID, SURVEY_RESPONSE.NPS, SURVEY_RESPONSE.ANSWERED_AT)
                .from(SURVEY_RESPONSE)
                .join(EVENT).on(EVENT.ID.eq(SURVEY_RESPONSE.EVENT_ID))
                .where(SURVEY_RESPONSE.ORGANIZATION_ID.eq(organizationId))
                .and(SURVEY_RESPONSE.MEMBER_ID.eq(memberId))
                .and(SURVEY_RESPONSE.ANONYMOUS.isFalse())
                .fetch(r -> new SurveyRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().toInstant()));
    }

    /** The member's leader roles. */
    public List<RoleRow> roles(long organizationId, long memberId) {
        return db.select(LEADER_ROLE.COMMUNITY_ID, LEADER_ROLE.STARTED_ON, LEADER_ROLE.ENDED_ON)
                .from(LEADER_ROLE)
                .where(LEADER_ROLE.ORGANIZATION_ID.eq(organizationId))
                .and(LEADER_ROLE.MEMBER_ID.eq(memberId))
                .fetch(r -> new RoleRow(r.value1(), r.value2(), r.value3()));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public record RegistrationRow(long eventId, String title, long communityId, String status, Instant registeredAt) {
    }

    public record TalkRow(long eventId, String title, long communityId, Instant startsAt, String kind,
            String sessionTitle) {
    }

    public record OutputRow(String kind, String title, String url, Instant at) {
    }

    public record LinkRow(long communityId, Instant at) {
    }

    public record SurveyRow(long eventId, String title, long communityId, int nps, Instant answeredAt) {
    }

    public record RoleRow(long communityId, LocalDate startedOn, LocalDate endedOn) {
    }
}
