package io.firstpin.output.internal;

import static io.firstpin.output.internal.OutputQueries.at;
import static io.firstpin.platform.db.Tables.OUTPUT;
import static io.firstpin.platform.db.Tables.OUTPUT_LINK;
import static io.firstpin.platform.db.Tables.OUTPUT_NUDGE;
import static io.firstpin.platform.db.Tables.OUTPUT_NUDGE_ROUND;

import io.firstpin.attendee.AttendeeRule;
import io.firstpin.event.EventRound;
import io.firstpin.registration.EventRegistrants;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The report nudge's round, who gets it, and what was sent. Attendees follow the KPI definition: the members checked
 * in, or, for an event without any check-in, its confirmed registrants; they are reached at the email and in the
 * language of their registration.
 */
@Component
public class NudgeRecords {

    /** The nudge goes out once per event, whenever it starts. */
    public static final EventRound ROUND = EventRound.of("Report nudge", OUTPUT_NUDGE_ROUND.EVENT_ID,
            OUTPUT_NUDGE_ROUND.DONE_AT, OUTPUT_NUDGE_ROUND.RECIPIENTS)
            .withOrganization(OUTPUT_NUDGE_ROUND.ORGANIZATION_ID);

    private final DSLContext db;

    NudgeRecords(DSLContext db) {
        this.db = db;
    }

    /**
     * The event's attendees with an email who have no output linked to it and were not nudged for it (whether they
     * want nudges is the member module's to say).
     */
    public List<Recipient> recipients(long eventId) {
        EventRegistrants registrants = EventRegistrants.of(eventId);
        return db.select(registrants.memberId(), registrants.name(), registrants.email(), registrants.locale())
                .from(registrants.table())
                .where(registrants.email().isNotNull())
                .and(AttendeeRule.attended(registrants.eventId(), registrants.memberId()))
                .andNotExists(DSL.selectOne().from(OUTPUT_LINK).join(OUTPUT).on(OUTPUT.ID.eq(OUTPUT_LINK.OUTPUT_ID))
                        .where(OUTPUT_LINK.EVENT_ID.eq(eventId)).and(OUTPUT_LINK.UNLINKED_AT.isNull())
                        .and(OUTPUT.AUTHOR_MEMBER_ID.eq(registrants.memberId())))
                .andNotExists(DSL.selectOne().from(OUTPUT_NUDGE)
                        .where(OUTPUT_NUDGE.EVENT_ID.eq(eventId)).and(OUTPUT_NUDGE.MEMBER_ID.eq(registrants.memberId())))
                .orderBy(registrants.registeredAt(), registrants.id())
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
