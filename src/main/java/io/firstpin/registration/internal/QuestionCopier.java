package io.firstpin.registration.internal;

import static io.firstpin.platform.db.Tables.REGISTRATION_QUESTION;

import io.firstpin.event.EventCopied;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A copied event asks the questions its source still asks, in the same transaction as the copy. */
@Component
class QuestionCopier {

    private final DSLContext db;

    QuestionCopier(DSLContext db) {
        this.db = db;
    }

    @EventListener
    void on(EventCopied copied) {
        db.insertInto(REGISTRATION_QUESTION, REGISTRATION_QUESTION.ORGANIZATION_ID, REGISTRATION_QUESTION.EVENT_ID,
                        REGISTRATION_QUESTION.POSITION, REGISTRATION_QUESTION.KIND, REGISTRATION_QUESTION.LABEL,
                        REGISTRATION_QUESTION.CHOICES, REGISTRATION_QUESTION.REQUIRED, REGISTRATION_QUESTION.RETIRED)
                .select(DSL.select(REGISTRATION_QUESTION.ORGANIZATION_ID, DSL.val(copied.copyId()),
                                REGISTRATION_QUESTION.POSITION, REGISTRATION_QUESTION.KIND, REGISTRATION_QUESTION.LABEL,
                                REGISTRATION_QUESTION.CHOICES, REGISTRATION_QUESTION.REQUIRED,
                                REGISTRATION_QUESTION.RETIRED)
                        .from(REGISTRATION_QUESTION)
                        .where(REGISTRATION_QUESTION.EVENT_ID.eq(copied.sourceEventId()))
                        .and(REGISTRATION_QUESTION.ORGANIZATION_ID.eq(copied.organizationId()))
                        .and(REGISTRATION_QUESTION.RETIRED.isFalse())
                        .orderBy(REGISTRATION_QUESTION.POSITION, REGISTRATION_QUESTION.ID))
                .execute();
    }
}
