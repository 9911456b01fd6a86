package io.firstpin.event;

import static io.firstpin.platform.db.Tables.EVENT;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the rounds that go out once per event (an {@link EventRound}: the reminders, the report nudge, the survey
 * email) the one way they must run: the events due, each in a transaction of its own that first claims the round by
 * inserting its row, then sends, then records how many it reached. The claim and what the round queues commit
 * together, so a round whose sending fails leaves no row and runs again; and it is exactly once across instances on
 * one database: the row's primary key makes a second claim wait for the first transaction and then find the row.
 * What a round sends, and to whom, stays with the module that owns it and its table. It lives here because a round
 * is due by its event's times, which only this module reads, and it names no module's table: each owner hands its own.
 */
@Service
public class EventRounds {

    private static final Logger log = LoggerFactory.getLogger(EventRounds.class);

    private final DSLContext db;
    private final Events events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    EventRounds(DSLContext db, Events events, Clock clock, PlatformTransactionManager transactions) {
        this.db = db;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What a round does for one event once claimed, in the claim's transaction; answers how many it reached. */
    @FunctionalInterface
    public interface Sender {

        int send(EventSummary event, Instant now);
    }

    /**
     * Runs the round for the events starting in (after, by] it is due for, the earliest first; answers how many were
     * reached in all.
     */
    public int runForEventsStarting(EventRound round, Instant after, Instant by, Sender sender) {
        return run(round, due(round, EVENT.STARTS_AT, after, by), sender);
    }

    /**
     * Runs the round for the events that ended in (after, by] it is due for, the earliest ended first; answers how many
     * were reached in all.
     */
    public int runForEventsEnded(EventRound round, Instant after, Instant by, Sender sender) {
        return run(round, due(round, EVENT.ENDS_AT, after, by), sender);
    }

    private List<Long> due(EventRound round, Field<OffsetDateTime> time, Instant after, Instant by) {
        return db.select(EVENT.ID).from(EVENT)
                .where(time.gt(at(after)))
                .and(time.le(at(by)))
                .and(round.dueFor(EVENT.ID, EVENT.STARTS_AT))
                .orderBy(time, EVENT.ID)
                .fetch(EVENT.ID);
    }

    private int run(EventRound round, List<Long> due, Sender sender) {
        int reached = 0;
        for (long eventId : due) {
            Integer sent = transaction.execute(status -> runOnce(round, eventId, sender));
            reached += sent == null ? 0 : sent;
        }
        return reached;
    }

    private int runOnce(EventRound round, long eventId, Sender sender) {
        EventSummary event = events.summary(eventId).orElseThrow();
        Instant now = clock.instant();
        if (!claim(round, event, now)) {
            return 0;
        }
        int reached = sender.send(event, now);
        db.update(round.table())
                .set(round.recipients(), reached)
                .where(round.rowOf(DSL.val(eventId), DSL.val(at(event.startsAt()))))
                .execute();
        log.info("{} of event {}: {} recipients", round.name(), eventId, reached);
        return reached;
    }

    /**
     * Inserts the round's row; false when it ran already, or another instance is running it (the second insert waits
     * for the first transaction, then finds the row). PostgreSQL skips the conflicting row; H2 reports it as a
     * duplicate key instead, which leaves its transaction usable.
     */
    private boolean claim(EventRound round, EventSummary event, Instant now) {
        try {
            return db.insertInto(round.table()).set(round.claim(event, at(now))).onConflictDoNothing().execute() == 1;
        } catch (DuplicateKeyException claimedConcurrently) {
            return false;
        }
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
