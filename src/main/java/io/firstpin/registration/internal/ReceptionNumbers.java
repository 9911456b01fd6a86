package io.firstpin.registration.internal;

import static io.firstpin.platform.db.Tables.EVENT_RECEPTION;
import static io.firstpin.platform.db.Tables.REGISTRATION;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Query;
import org.jooq.DSLContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The 受付番号 of an event's registrations: 1, 2, 3 … in the order they were made. The event's {@code event_reception}
 * row is raised in the registering transaction and stays locked until it ends, so two registrations for the same event
 * (for any of its frames, on any instance) take numbers one after the other, and a registration that rolls back gives
 * its number back: the numbers stay unique and without gaps. Registrations take the frame's lock before this one.
 */
@Component
public class ReceptionNumbers {

    private final DSLContext db;

    ReceptionNumbers(DSLContext db) {
        this.db = db;
    }

    /** The next number of the event, held until the caller's transaction ends. */
    public int next(long eventId) {
        return take(eventId, 1);
    }

    /**
     * Numbers the event's registrations that have none yet (rows an import wrote), in id order, and marks the event as
     * imported: its registrations are a past event's as another site recorded them.
     */
    public void numberImported(long eventId) {
        List<Long> unnumbered = db.select(REGISTRATION.ID).from(REGISTRATION)
                .where(REGISTRATION.EVENT_ID.eq(eventId)).and(REGISTRATION.RECEPTION_NUMBER.isNull())
                .orderBy(REGISTRATION.ID).fetch(REGISTRATION.ID);
        int last = take(eventId, unnumbered.size());
        db.update(EVENT_RECEPTION).set(EVENT_RECEPTION.IMPORTED, true)
                .where(EVENT_RECEPTION.EVENT_ID.eq(eventId)).execute();
        int number = last - unnumbered.size();
        List<Query> updates = new ArrayList<>(unnumbered.size());
        for (long id : unnumbered) {
            updates.add(db.update(REGISTRATION).set(REGISTRATION.RECEPTION_NUMBER, ++number)
                    .where(REGISTRATION.ID.eq(id)));
        }
        if (!updates.isEmpty()) {
            db.batch(updates).execute();
        }
    }

    /** Whether the event's registrations came from an import of a past event rather than from its own form. */
    public boolean imported(long eventId) {
        return db.fetchExists(EVENT_RECEPTION, EVENT_RECEPTION.EVENT_ID.eq(eventId).and(EVENT_RECEPTION.IMPORTED));
    }

    /** The event's bookkeeping goes with a deleted event. */
    public void forget(long eventId) {
        db.deleteFrom(EVENT_RECEPTION).where(EVENT_RECEPTION.EVENT_ID.eq(eventId)).execute();
    }

    /** Raises the event's last number by {@code count} under the row's lock and answers the new last number. */
    private int take(long eventId, int count) {
        // one statement once the event has its row, which is every registration but its first
        return raise(eventId, count).orElseGet(() -> {
            try {
                db.insertInto(EVENT_RECEPTION, EVENT_RECEPTION.EVENT_ID, EVENT_RECEPTION.LAST_NUMBER,
                        EVENT_RECEPTION.IMPORTED).values(eventId, 0, false).onConflictDoNothing().execute();
            } catch (DuplicateKeyException createdMeanwhile) {
                // H2 emulates ON CONFLICT with a MERGE that still fails when another transaction inserts the row at the
                // same moment; H2 undoes only that statement, and the row is there now, which is all that was needed
            }
            return raise(eventId, count).orElseThrow();
        });
    }

    private Optional<Integer> raise(long eventId, int count) {
        return db.update(EVENT_RECEPTION).set(EVENT_RECEPTION.LAST_NUMBER, EVENT_RECEPTION.LAST_NUMBER.plus(count))
                .where(EVENT_RECEPTION.EVENT_ID.eq(eventId))
                .returningResult(EVENT_RECEPTION.LAST_NUMBER).fetchOptional(EVENT_RECEPTION.LAST_NUMBER);
    }
}
