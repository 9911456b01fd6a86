package io.firstpin.output.internal;

import static io.firstpin.output.internal.OutputQueries.at;
import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.OUTPUT;
import static io.firstpin.platform.db.Tables.OUTPUT_LINK;
import static io.firstpin.platform.db.Tables.OUTPUT_NUDGE;
import static io.firstpin.platform.db.Tables.OUTPUT_NUDGE_ROUND;
import static io.firstpin.platform.db.Tables.REGISTRATION;

import io.firstpin.attendee.AttendeeRule;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Which events are due for the report nudge, who gets it, and what was sent. Attendees follow the KPI definition:
 * the members checked in, or, for an event without any check-in, its confirmed registrants; they are reached at the
 * email and in the language of their registration.
 */
@Component
public class NudgeRecords {

    private final DSLContext db;

    NudgeRecords(DSLContext db) {
        this.db = db;
    }

    /** Events that ended in (endedAfter, endedBy] whose nudge round has not run. */
    public List<Long> dueEvents(Instant endedAfter, Instant endedBy) {
        return db.select(EVENT.ID)
                .from(EVENT)
                .where(EVENT.ENDS_AT.gt(at(endedAfter)))
                .and(EVENT.ENDS_AT.le(at(endedBy)))
                .andNotExists(DSL.selectOne().from(OUTPUT_NUDGE_ROUND).where(OUTPUT_NUDGE_ROUND.EVENT_ID.eq(EVENT.ID)))
                .orderBy(EVENT.ENDS_AT, EVENT.ID)
                .fetch(EVENT.ID);
    }

    /**
     * Claims the event's round; false when it ran already, or another instance runs it (the primary key makes the
     * second insert wait for the first transaction, then find the row).
     */
    public boolean claim(long eventId, long organizationId, Instant now) {
        try {
            return db.insertInto(OUTPUT_NUDGE_ROUND)
                    .set(OUTPUT_NUDGE_ROUND.EVENT_ID, eventId)
                    .set(OUTPUT_NUDGE_ROUND.ORGANIZATION_ID, organizationId)
                    .set(OUTPUT_NUDGE_ROUND.DONE_AT, at(now))
                    .set(OUTPUT_NUDGE_ROUND.RECIPIENTS, 0)
                    .onConflictDoNothing()
                    .execute() == 1;
        } catch (DuplicateKeyException claimedConcurrently) {
            return false;
        }
    }

    public void recordRecipients(long eventId, int recipients) {
        db.update(OUTPUT_NUDGE_ROUND).set(OUTPUT_NUDGE_ROUND.RECIPIENTS, recipients)
                .where(OUTPUT_NUDGE_ROUND.EVENT_ID.eq(eventId)).execute();
    }

    /**
     * The event's attendees with an email who have no output linked to it and were not nudged for it (whether they
     * want nudges is the member module's to say).
     */
    public List<Recipient> recipients(long eventId) {
        return db.select(REGISTRATION.MEMBER_ID, REGISTRATION.NAME, REGISTRATION.EMAIL, REGISTRATION.LOCALE)
                .from(REGISTRATION)
                .where(REGISTRATION.EVENT_ID.eq(eventId))
                .and(REGISTRATION.EMAIL.isNotNull())
                .and(AttendeeRule.attended(REGISTRATION.EVENT_ID, REGISTRATION.MEMBER_ID))
                .andNotExists(DSL.selectOne().from(OUTPUT_LINK).join(OUTPUT).on(OUTPUT.ID.eq(OUTPUT_LINK.OUTPUT_ID))
                        .where(OUTPUT_LINK.EVENT_ID.eq(eventId)).and(OUTPUT_LINK.UNLINKED_AT.isNull())
                        .and(OUTPUT.AUTHOR_MEMBER_ID.eq(REGISTRATION.MEMBER_ID)))
                .andNotExists(DSL.selectOne().from(OUTPUT_NUDGE)
                        .where(OUTPUT_NUDGE.EVENT_ID.eq(eventId)).and(OUTPUT_NUDGE.MEMBER_ID.eq(REGISTRATION.MEMBER_ID)))
                .orderBy(REGISTRATION.REGISTERED_AT, REGISTRATION.ID)
                .fetch(row -> new Recipient(row.value1(), row.value2(), row.value3(),
                        row.value4() == null ? null : Locale.forLanguageTag(row.value4())));
    }

    public void recordNudge(long eventId, long memberId, long organizationId, String tokenHash, Instant now) {
        db.insertInto(OUTPUT_NUDGE)
                .set(OUTPUT_NUDGE.EVENT_ID, eventId)
                .set(OUTPUT_NUDGE.MEMBER_ID, memberId)
                .set(OUTPUT_NUDGE.ORGANIZATION_ID, organizationId)
                .set(OUTPUT_NUDGE.TOKEN_HASH, tokenHash)
                .set(OUTPUT_NUDGE.SENT_AT, at(now))
                .execute();
    }

    public Optional<Sent> byTokenHash(String tokenHash) {
        return db.select(OUTPUT_NUDGE.EVENT_ID, OUTPUT_NUDGE.MEMBER_ID, OUTPUT_NUDGE.ORGANIZATION_ID)
                .from(OUTPUT_NUDGE)
                .where(OUTPUT_NUDGE.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(row -> new Sent(row.value1(), row.value2(), row.value3()));
    }

    public record Recipient(long memberId, String name, String email, Locale locale) {
    }

    public record Sent(long eventId, long memberId, long organizationId) {
    }
}
