package io.firstpin.registration.internal;

import static io.firstpin.platform.db.Tables.REGISTRATION_SETTINGS;
import static io.firstpin.platform.db.Tables.REMINDER_ROUND;

import io.firstpin.event.EventTimes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/** Which reminder rounds are due and which have run, and the events that ask for reconfirmation. */
@Component
public class ReminderRounds {

    public enum Kind { REMINDER, RECONFIRMATION_REQUEST, RECONFIRMATION_DEADLINE }

    private final DSLContext db;

    ReminderRounds(DSLContext db) {
        this.db = db;
    }

    /**
     * Events starting in (startsAfter, startsBy] whose round of this kind has not run for their current start time. A
     * reconfirmation deadline is due only after its request went out.
     */
    public List<Long> due(Kind kind, Instant startsAfter, Instant startsBy, boolean reconfirmingOnly) {
        Table<Record2<Long, OffsetDateTime>> starting = EventTimes.startingIn(startsAfter, startsBy);
        Field<Long> eventId = EventTimes.id(starting);
        Field<OffsetDateTime> startsAt = EventTimes.startsAt(starting);
        Condition due = DSL.notExists(DSL.selectOne().from(REMINDER_ROUND)
                .where(REMINDER_ROUND.EVENT_ID.eq(eventId))
                .and(REMINDER_ROUND.KIND.eq(kind.name()))
                .and(REMINDER_ROUND.EVENT_STARTS_AT.eq(startsAt)));
        if (reconfirmingOnly) {
            due = due.andExists(DSL.selectOne().from(REGISTRATION_SETTINGS)
                    .where(REGISTRATION_SETTINGS.EVENT_ID.eq(eventId))
                    .and(REGISTRATION_SETTINGS.RECONFIRMATION.isTrue()));
        }
        if (kind == Kind.RECONFIRMATION_DEADLINE) {
            due = due.andExists(DSL.selectOne().from(REMINDER_ROUND)
                    .where(REMINDER_ROUND.EVENT_ID.eq(eventId))
                    .and(REMINDER_ROUND.KIND.eq(Kind.RECONFIRMATION_REQUEST.name()))
                    .and(REMINDER_ROUND.EVENT_STARTS_AT.eq(startsAt)));
        }
        return db.select(eventId).from(starting).where(due).orderBy(startsAt, eventId).fetch(eventId);
    }

    /**
     * Claims the round for the event's start time; false when it ran already (or another instance is running it: the
     * primary key makes the second insert wait for the first transaction, then find the row). PostgreSQL skips the
     * conflicting row; H2 reports it as a duplicate key instead, which leaves its transaction usable.
     */
    public boolean claim(long eventId, Kind kind, Instant eventStartsAt, Instant now) {
        try {
            return insertRound(eventId, kind, eventStartsAt, now);
        } catch (DuplicateKeyException claimedConcurrently) {
            return false;
        }
    }

    private boolean insertRound(long eventId, Kind kind, Instant eventStartsAt, Instant now) {
        return db.insertInto(REMINDER_ROUND)
                .set(REMINDER_ROUND.EVENT_ID, eventId)
                .set(REMINDER_ROUND.KIND, kind.name())
                .set(REMINDER_ROUND.EVENT_STARTS_AT, at(eventStartsAt))
                .set(REMINDER_ROUND.DONE_AT, at(now))
                .set(REMINDER_ROUND.RECIPIENTS, 0)
                .onConflictDoNothing()
                .execute() == 1;
    }

    public void recordRecipients(long eventId, Kind kind, Instant eventStartsAt, int recipients) {
        db.update(REMINDER_ROUND)
                .set(REMINDER_ROUND.RECIPIENTS, recipients)
                .where(REMINDER_ROUND.EVENT_ID.eq(eventId))
                .and(REMINDER_ROUND.KIND.eq(kind.name()))
                .and(REMINDER_ROUND.EVENT_STARTS_AT.eq(at(eventStartsAt)))
                .execute();
    }

    /** The rounds that ran for the event's current start time, by kind. */
    public Map<Kind, Done> done(long eventId, Instant eventStartsAt) {
        return db.select(REMINDER_ROUND.KIND, REMINDER_ROUND.DONE_AT, REMINDER_ROUND.RECIPIENTS)
                .from(REMINDER_ROUND)
                .where(REMINDER_ROUND.EVENT_ID.eq(eventId))
                .and(REMINDER_ROUND.EVENT_STARTS_AT.eq(at(eventStartsAt)))
                .fetch()
                .stream()
                .collect(Collectors.toMap(row -> Kind.valueOf(row.value1()),
                        row -> new Done(row.value2().toInstant(), row.value3())));
    }

    public boolean reconfirmation(long eventId) {
        return Optional.ofNullable(db.select(REGISTRATION_SETTINGS.RECONFIRMATION)
                        .from(REGISTRATION_SETTINGS)
                        .where(REGISTRATION_SETTINGS.EVENT_ID.eq(eventId))
                        .fetchOne(REGISTRATION_SETTINGS.RECONFIRMATION))
                .orElse(false);
    }

    public void setReconfirmation(long organizationId, long eventId, boolean on) {
        int updated = db.update(REGISTRATION_SETTINGS)
                .set(REGISTRATION_SETTINGS.RECONFIRMATION, on)
                .where(REGISTRATION_SETTINGS.EVENT_ID.eq(eventId))
                .execute();
        if (updated == 0) {
            db.insertInto(REGISTRATION_SETTINGS)
                    .set(REGISTRATION_SETTINGS.EVENT_ID, eventId)
                    .set(REGISTRATION_SETTINGS.ORGANIZATION_ID, organizationId)
                    .set(REGISTRATION_SETTINGS.RECONFIRMATION, on)
                    .onConflict(REGISTRATION_SETTINGS.EVENT_ID)
                    .doUpdate()
                    .set(REGISTRATION_SETTINGS.RECONFIRMATION, on)
                    .execute();
        }
    }

    public record Done(Instant at, int recipients) {
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
