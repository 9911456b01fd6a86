package io.firstpin.registration.internal;

import static io.firstpin.platform.db.Tables.REGISTRATION_SETTINGS;
import static io.firstpin.platform.db.Tables.REMINDER_ROUND;

import io.firstpin.event.EventRound;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The reminder rounds, kept in {@code reminder_round} and run by {@link io.firstpin.event.EventRounds}, which of them
 * ran, and the events that ask for reconfirmation.
 */
@Component
public class ReminderRounds {

    public enum Kind { REMINDER, RECONFIRMATION_REQUEST, RECONFIRMATION_DEADLINE }

    /** The day-before reminder to every confirmed registrant. */
    public static final EventRound REMINDER = round("Reminder", Kind.REMINDER);
    /** Asking the confirmed to reconfirm, for the events that ask for it. */
    public static final EventRound RECONFIRMATION_REQUEST = round("Reconfirmation request",
            Kind.RECONFIRMATION_REQUEST).onlyFor(ReminderRounds::reconfirming);
    /** Releasing the seats of those who did not reconfirm: only once they were asked, for the same start. */
    public static final EventRound RECONFIRMATION_DEADLINE = round("Reconfirmation deadline",
            Kind.RECONFIRMATION_DEADLINE).onlyFor(ReminderRounds::reconfirming).after(RECONFIRMATION_REQUEST);

    private final DSLContext db;

    ReminderRounds(DSLContext db) {
        this.db = db;
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

    /** Each kind runs once per event and start time: a rescheduled event is reminded again. */
    private static EventRound round(String name, Kind kind) {
        return EventRound.of(name, REMINDER_ROUND.EVENT_ID, REMINDER_ROUND.DONE_AT, REMINDER_ROUND.RECIPIENTS)
                .perStart(REMINDER_ROUND.EVENT_STARTS_AT)
                .kind(REMINDER_ROUND.KIND, kind.name());
    }

    private static Condition reconfirming(Field<Long> eventId) {
        return DSL.exists(DSL.selectOne().from(REGISTRATION_SETTINGS)
                .where(REGISTRATION_SETTINGS.EVENT_ID.eq(eventId))
                .and(REGISTRATION_SETTINGS.RECONFIRMATION.isTrue()));
    }

    public record Done(Instant at, int recipients) {
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
