package io.firstpin.survey.internal;

import static io.firstpin.platform.db.Tables.SURVEY_BUILTIN_SETTING;
import static io.firstpin.platform.db.Tables.SURVEY_QUESTION;

import io.firstpin.event.EventCopied;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A copied event's survey is set up as its source's: the built-in questions' wording and switches, and the questions
 * staff added that are still asked. In the same transaction as the copy.
 */
@Component
class SurveySettingsCopier {

    private final DSLContext db;

    SurveySettingsCopier(DSLContext db) {
        this.db = db;
    }

    @EventListener
    void on(EventCopied copied) {
        db.insertInto(SURVEY_BUILTIN_SETTING, SURVEY_BUILTIN_SETTING.EVENT_ID, SURVEY_BUILTIN_SETTING.ORGANIZATION_ID,
                        SURVEY_BUILTIN_SETTING.QUESTION, SURVEY_BUILTIN_SETTING.WORDING, SURVEY_BUILTIN_SETTING.ENABLED)
                .select(DSL.select(DSL.val(copied.copyId()), SURVEY_BUILTIN_SETTING.ORGANIZATION_ID,
                                SURVEY_BUILTIN_SETTING.QUESTION, SURVEY_BUILTIN_SETTING.WORDING,
                                SURVEY_BUILTIN_SETTING.ENABLED)
                        .from(SURVEY_BUILTIN_SETTING)
                        .where(SURVEY_BUILTIN_SETTING.EVENT_ID.eq(copied.sourceEventId()))
                        .and(SURVEY_BUILTIN_SETTING.ORGANIZATION_ID.eq(copied.organizationId())))
                .execute();
        db.insertInto(SURVEY_QUESTION, SURVEY_QUESTION.EVENT_ID, SURVEY_QUESTION.ORGANIZATION_ID, SURVEY_QUESTION.KIND,
                        SURVEY_QUESTION.WORDING, SURVEY_QUESTION.OPTIONS, SURVEY_QUESTION.REQUIRED,
                        SURVEY_QUESTION.DISPLAY_ORDER, SURVEY_QUESTION.RETIRED)
                .select(DSL.select(DSL.val(copied.copyId()), SURVEY_QUESTION.ORGANIZATION_ID, SURVEY_QUESTION.KIND,
                                SURVEY_QUESTION.WORDING, SURVEY_QUESTION.OPTIONS, SURVEY_QUESTION.REQUIRED,
                                SURVEY_QUESTION.DISPLAY_ORDER, SURVEY_QUESTION.RETIRED)
                        .from(SURVEY_QUESTION)
                        .where(SURVEY_QUESTION.EVENT_ID.eq(copied.sourceEventId()))
                        .and(SURVEY_QUESTION.ORGANIZATION_ID.eq(copied.organizationId()))
                        .and(SURVEY_QUESTION.RETIRED.isFalse())
                        .orderBy(SURVEY_QUESTION.DISPLAY_ORDER, SURVEY_QUESTION.ID))
                .execute();
    }
}
