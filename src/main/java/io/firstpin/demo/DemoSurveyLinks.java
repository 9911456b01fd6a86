package io.firstpin.demo;

import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.REGISTRATION;
import static io.firstpin.platform.db.Tables.SURVEY_RESPONSE;

import io.firstpin.attendee.AttendeeRule;
import io.firstpin.platform.Secrets;
import io.firstpin.survey.Surveys;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets someone trying the demo answer a survey as an attendee would: the demo's emails go nowhere, so instead of the
 * survey email's link this makes a fresh private link for an attendee of the latest event whose survey is open who
 * has not answered yet. The demo's registrations were written in bulk and never had a link of their own.
 */
@Service
public class DemoSurveyLinks {

    /** Private registration links, as the registration module makes them. */
    static final String TOKEN_PREFIX = "r_";
    /** The latest events tried; surveys close two weeks after the end, and the demo holds several events a week. */
    private static final int EVENTS_TRIED = 20;

    private final DSLContext db;
    private final Surveys surveys;
    private final Clock clock;

    DemoSurveyLinks(DSLContext db, Surveys surveys, Clock clock) {
        this.db = db;
        this.surveys = surveys;
        this.clock = clock;
    }

    /** A new private link token of such an attendee's registration, or empty when no survey of the demo is open. */
    @Transactional
    public Optional<String> issue(long organizationId) {
        Instant now = clock.instant();
        List<Long> recent = db.select(EVENT.ID).from(EVENT)
                .where(EVENT.ORGANIZATION_ID.eq(organizationId))
                .and(EVENT.PARENT_EVENT_ID.isNull())
                .and(EVENT.ENDS_AT.le(now.atOffset(ZoneOffset.UTC)))
                .orderBy(EVENT.ENDS_AT.desc(), EVENT.ID.desc())
                .limit(EVENTS_TRIED)
                .fetch(EVENT.ID);
        for (long eventId : recent) {
            if (!surveys.windowOf(eventId).open(now)) {
                continue;
            }
            Optional<Long> registration = db.select(REGISTRATION.ID).from(REGISTRATION)
                    .join(MEMBER).on(MEMBER.ID.eq(REGISTRATION.MEMBER_ID))
                    .where(REGISTRATION.EVENT_ID.eq(eventId))
                    .and(AttendeeRule.holdsSeat(REGISTRATION))
                    .and(MEMBER.STAFF.isFalse())
                    .and(AttendeeRule.attended(REGISTRATION.EVENT_ID, REGISTRATION.MEMBER_ID))
                    .andNotExists(DSL.selectOne().from(SURVEY_RESPONSE)
                            .where(SURVEY_RESPONSE.REGISTRATION_ID.eq(REGISTRATION.ID)))
                    .orderBy(REGISTRATION.ID)
                    .limit(1)
                    .fetchOptional(REGISTRATION.ID);
            if (registration.isPresent()) {
                String token = Secrets.newSecret(TOKEN_PREFIX);
                db.update(REGISTRATION).set(REGISTRATION.MANAGE_TOKEN_HASH, Secrets.hash(token))
                        .where(REGISTRATION.ID.eq(registration.get())).execute();
                return Optional.of(token);
            }
        }
        return Optional.empty();
    }
}
