package io.firstpin.attendee.internal;

import static io.firstpin.platform.db.Tables.ATTENDEE;
import static io.firstpin.platform.db.Tables.ATTENDEE_EVENT;
import static io.firstpin.platform.db.Tables.ATTENDEE_WALK;

import io.firstpin.event.EventDeleting;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A deleted event's row of seats goes with it, in the same transaction. Nobody attended an event without
 * registrations, so no member's walk changes; the attendee and walk rows are cleared only so that none can remain. The
 * seats' lock is taken first, as a recount takes it, so that a recount of the event waits for the deletion (and then
 * finds the event gone) instead of writing a row the deletion would trip over.
 */
@Component
class DeletedEventSeats {

    private final DSLContext db;
    private final EventRecount recount;

    DeletedEventSeats(DSLContext db, EventRecount recount) {
        this.db = db;
        this.recount = recount;
    }

    @EventListener
    void on(EventDeleting deleting) {
        recount.lockSeats(Set.of(deleting.eventId()));
        db.deleteFrom(ATTENDEE_WALK).where(ATTENDEE_WALK.EVENT_ID.eq(deleting.eventId())).execute();
        db.deleteFrom(ATTENDEE).where(ATTENDEE.EVENT_ID.eq(deleting.eventId())).execute();
        db.deleteFrom(ATTENDEE_EVENT).where(ATTENDEE_EVENT.EVENT_ID.eq(deleting.eventId())).execute();
    }
}
