package io.firstpin.attendee.internal;

import static io.firstpin.platform.db.Tables.ATTENDEE;
import static io.firstpin.platform.db.Tables.ATTENDEE_EVENT;
import static io.firstpin.platform.db.Tables.ATTENDEE_WALK;

import io.firstpin.event.EventDeleting;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A deleted event's row of seats goes with it, in the same transaction. Nobody attended an event without
 * registrations, so no member's walk changes; the attendee and walk rows are cleared only so that none can remain.
 */
@Component
class DeletedEventSeats {

    private final DSLContext db;

    DeletedEventSeats(DSLContext db) {
        this.db = db;
    }

    @EventListener
    void on(EventDeleting deleting) {
        db.deleteFrom(ATTENDEE_WALK).where(ATTENDEE_WALK.EVENT_ID.eq(deleting.eventId())).execute();
        db.deleteFrom(ATTENDEE).where(ATTENDEE.EVENT_ID.eq(deleting.eventId())).execute();
        db.deleteFrom(ATTENDEE_EVENT).where(ATTENDEE_EVENT.EVENT_ID.eq(deleting.eventId())).execute();
    }
}
