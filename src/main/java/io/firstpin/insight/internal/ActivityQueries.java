package io.firstpin.insight.internal;

import io.firstpin.event.EventReads;
import io.firstpin.event.TalkReads;
import io.firstpin.leadership.LeaderRoleReads;
import io.firstpin.output.OutputReads;
import io.firstpin.registration.RegistrationReads;
import io.firstpin.survey.SurveyResponseReads;

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
        EventReads e = EventReads.events();
        return db.select(e.id(), e.title(), e.communityId(), RegistrationReads.status(),
                        RegistrationReads.registeredAt())
                .from(RegistrationReads.registrations())
                .join(e.table()).on(e.id().eq(RegistrationReads.eventId()))
                .where(RegistrationReads.organizationId().eq(organizationId))
                .and(RegistrationReads.memberId().eq(memberId))
                .fetch(r -> new RegistrationRow(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5().toInstant()));
    }

    /** The sessions the member spoke in, at events that started before {@code before}. */
    public List<TalkRow> talks(long organizationId, long memberId, Instant before) {
        EventReads e = EventReads.events();
        return db.select(e.id(), e.title(), e.communityId(), e.startsAt(), TalkReads.kind(), TalkReads.sessionTitle())
                .from(TalkReads.talks())
                .join(e.table()).on(e.id().eq(TalkReads.eventId()))
                .where(TalkReads.speakerId().eq(memberId))
                .and(e.organizationId().eq(organizationId))
                .and(e.startsAt().lt(at(before)))
                .fetch(r -> new TalkRow(r.value1(), r.value2(), r.value3(), r.value4().toInstant(), r.value5(),
                        r.value6()));
    }

    /** The outputs the member wrote, dated by publication or, where that is unknown, by when they were recorded. */
    public List<OutputRow> outputs(long organizationId, long memberId) {
        return db.select(OutputReads.kind(), OutputReads.title(), OutputReads.url(), OutputReads.publishedOrRecorded())
                .from(OutputReads.outputs())
                .where(OutputReads.organizationId().eq(organizationId))
                .and(OutputReads.authorId().eq(memberId))
                .fetch(r -> new OutputRow(r.value1(), r.value2(), r.value3(), r.value4().toInstant()));
    }

    /**
     * The member's outputs as linked (and not unlinked) to events that started before {@code before}, one row per
     * link: the event's community and the output's date (publication, or the event's start where that is unknown),
     * those dated {@code before} or later left out, as the ladder counts them.
     */
    public List<LinkRow> outputLinks(long organizationId, long memberId, Instant before) {
        EventReads e = EventReads.events();
        Field<OffsetDateTime> dated = OutputReads.dated(e.startsAt());
        return db.select(e.communityId(), dated)
                .from(OutputReads.links())
                .join(e.table()).on(e.id().eq(OutputReads.linkedEventId()))
                .where(OutputReads.organizationId().eq(organizationId))
                .and(OutputReads.authorId().eq(memberId))
                .and(OutputReads.standing())
                .and(e.startsAt().lt(at(before)))
                .and(dated.lt(at(before)))
                .fetch(r -> new LinkRow(r.value1(), r.value2().toInstant()));
    }

    /** The member's survey answers given under their name; anonymous ones are never read here. */
    public List<SurveyRow> namedSurveyAnswers(long organizationId, long memberId) {
        EventReads e = EventReads.events();
        return db.select(e.id(), e.title(), e.communityId(), SurveyResponseReads.nps(),
                        SurveyResponseReads.answeredAt())
                .from(SurveyResponseReads.responses())
                .join(e.table()).on(e.id().eq(SurveyResponseReads.eventId()))
                .where(SurveyResponseReads.organizationId().eq(organizationId))
                .and(SurveyResponseReads.memberId().eq(memberId))
                .and(SurveyResponseReads.named())
                .fetch(r -> new SurveyRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().toInstant()));
    }

    /** The member's leader roles. */
    public List<RoleRow> roles(long organizationId, long memberId) {
        return db.select(LeaderRoleReads.communityId(), LeaderRoleReads.startedOn(), LeaderRoleReads.endedOn())
                .from(LeaderRoleReads.roles())
                .where(LeaderRoleReads.organizationId().eq(organizationId))
                .and(LeaderRoleReads.memberId().eq(memberId))
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
