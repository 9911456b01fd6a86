package io.firstpin.registration.internal;

import static io.firstpin.platform.db.Tables.REGISTRATION_QUESTION;
import static io.firstpin.platform.db.Tables.REGISTRATION_SETTINGS;
import static io.firstpin.platform.db.Tables.REMINDER_ROUND;

import io.firstpin.event.EventDeleting;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A deleted event's registration setup (questions, reminder settings) goes with it, in the same transaction. Only an
 * event nobody registered for is deleted, so no answer refers to its questions.
 */
@Component
class DeletedEventSettings {

    private final DSLContext db;
    private final ReceptionNumbers receptionNumbers;

    DeletedEventSettings(DSLContext db, ReceptionNumbers receptionNumbers) {
        this.db = db;
        this.receptionNumbers = receptionNumbers;
    }

    @EventListener
    void on(EventDeleting deleting) {
        db.deleteFrom(REMINDER_ROUND).where(REMINDER_ROUND.EVENT_ID.eq(deleting.eventId())).execute();
        db.deleteFrom(REGISTRATION_QUESTION).where(REGISTRATION_QUESTION.EVENT_ID.eq(deleting.eventId())).execute();
        db.deleteFrom(REGISTRATION_SETTINGS).where(REGISTRATION_SETTINGS.EVENT_ID.eq(deleting.eventId())).execute();
        receptionNumbers.forget(deleting.eventId());
    }
}
