package io.firstpin.attendance.internal;

import static io.firstpin.platform.db.Tables.EVENT_CHECKIN_CODE;

import io.firstpin.event.EventDeleting;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A deleted event's attendance code goes with it, in the same transaction; nobody could have checked in. */
@Component
class DeletedEventCode {

    private final DSLContext db;

    DeletedEventCode(DSLContext db) {
        this.db = db;
    }

    @EventListener
    void on(EventDeleting deleting) {
        db.deleteFrom(EVENT_CHECKIN_CODE).where(EVENT_CHECKIN_CODE.EVENT_ID.eq(deleting.eventId())).execute();
    }
}
