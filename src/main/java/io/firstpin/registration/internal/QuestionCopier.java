package io.firstpin.registration.internal;

import static io.firstpin.platform.db.Tables.REGISTRATION_QUESTION;

import io.firstpin.event.EventCopied;
import io.firstpin.event.Events;
import io.firstpin.event.Frame;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A copied event asks the questions its source still asks, in the same transaction as the copy; a frame's own question
 * is asked by the copy's frame of the same name.
 */
@Component
class QuestionCopier {

    private final DSLContext db;
    private final Events events;

    QuestionCopier(DSLContext db, Events events) {
        this.db = db;
        this.events = events;
    }

    @EventListener
    void on(EventCopied copied) {
        db.insertInto(REGISTRATION_QUESTION, REGISTRATION_QUESTION.ORGANIZATION_ID, REGISTRATION_QUESTION.EVENT_ID,
                        REGISTRATION_QUESTION.POSITION, REGISTRATION_QUESTION.KIND, REGISTRATION_QUESTION.LABEL,
                        REGISTRATION_QUESTION.CHOICES, REGISTRATION_QUESTION.REQUIRED, REGISTRATION_QUESTION.RETIRED,
                        REGISTRATION_QUESTION.FRAME_ID, REGISTRATION_QUESTION.FEEDS_AGENDA)
                .select(DSL.select(REGISTRATION_QUESTION.ORGANIZATION_ID, DSL.val(copied.copyId()),
                                REGISTRATION_QUESTION.POSITION, REGISTRATION_QUESTION.KIND, REGISTRATION_QUESTION.LABEL,
                                REGISTRATION_QUESTION.CHOICES, REGISTRATION_QUESTION.REQUIRED,
                                REGISTRATION_QUESTION.RETIRED, REGISTRATION_QUESTION.FRAME_ID,
                                REGISTRATION_QUESTION.FEEDS_AGENDA)
                        .from(REGISTRATION_QUESTION)
                        .where(REGISTRATION_QUESTION.EVENT_ID.eq(copied.sourceEventId()))
                        .and(REGISTRATION_QUESTION.ORGANIZATION_ID.eq(copied.organizationId()))
                        .and(REGISTRATION_QUESTION.RETIRED.isFalse())
                        .orderBy(REGISTRATION_QUESTION.POSITION, REGISTRATION_QUESTION.ID))
                .execute();
        Map<String, Long> copiedFrames = events.frames(copied.copyId()).stream()
                .collect(Collectors.toMap(Frame::name, Frame::id));
        for (Frame source : events.frames(copied.sourceEventId())) {
            db.update(REGISTRATION_QUESTION)
                    .set(REGISTRATION_QUESTION.FRAME_ID, copiedFrames.get(source.name()))
                    .where(REGISTRATION_QUESTION.EVENT_ID.eq(copied.copyId()))
                    .and(REGISTRATION_QUESTION.FRAME_ID.eq(source.id()))
                    .execute();
        }
    }
}
