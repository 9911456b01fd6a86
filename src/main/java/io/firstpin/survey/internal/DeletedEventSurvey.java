package io.firstpin.survey.internal;

import static io.firstpin.platform.db.Tables.SURVEY_BUILTIN_SETTING;
import static io.firstpin.platform.db.Tables.SURVEY_QUESTION;
import static io.firstpin.platform.db.Tables.SURVEY_ROUND;

import io.firstpin.event.EventDeleting;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A deleted event's survey setup goes with it, in the same transaction. It has no answers: those belong to
 * registrations, and an event with registrations is not deleted.
 */
@Component
class DeletedEventSurvey {

    private final DSLContext db;

    DeletedEventSurvey(DSLContext db) {
        this.db = db;
    }

    @EventListener
    void on(EventDeleting deleting) {
        db.deleteFrom(SURVEY_ROUND).where(SURVEY_ROUND.EVENT_ID.eq(deleting.eventId())).execute();
        db.deleteFrom(SURVEY_QUESTION).where(SURVEY_QUESTION.EVENT_ID.eq(deleting.eventId())).execute();
        db.deleteFrom(SURVEY_BUILTIN_SETTING).where(SURVEY_BUILTIN_SETTING.EVENT_ID.eq(deleting.eventId())).execute();
    }
}
