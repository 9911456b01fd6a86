package io.firstpin.survey.internal;

import static io.firstpin.platform.db.Tables.SURVEY_ANSWER;
import static io.firstpin.platform.db.Tables.SURVEY_BUILTIN_SETTING;
import static io.firstpin.platform.db.Tables.SURVEY_QUESTION;
import static io.firstpin.platform.db.Tables.SURVEY_RESPONSE;

import io.firstpin.survey.BuiltInQuestion;
import io.firstpin.survey.BuiltInSetting;
import io.firstpin.survey.ExtraQuestion;
import io.firstpin.survey.QuestionDraft;
import io.firstpin.survey.QuestionKind;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** An event's survey settings and own questions, and the answers to those questions. */
@Component
public class SurveyQuestionRecords {

    private final DSLContext db;

    SurveyQuestionRecords(DSLContext db) {
        this.db = db;
    }

    public Map<BuiltInQuestion, BuiltInSetting> builtInSettings(long eventId) {
        Map<BuiltInQuestion, BuiltInSetting> settings = new EnumMap<>(BuiltInQuestion.class);
        db.selectFrom(SURVEY_BUILTIN_SETTING).where(SURVEY_BUILTIN_SETTING.EVENT_ID.eq(eventId)).fetch()
                .forEach(row -> {
                    BuiltInQuestion question = BuiltInQuestion.valueOf(row.getQuestion());
                    settings.put(question, new BuiltInSetting(question, row.getWording(), row.getEnabled()));
                });
        return settings;
    }

    /** Replaces the event's setting of one built-in question; the default needs no row. */
    public void saveBuiltIn(long organizationId, long eventId, BuiltInSetting setting) {
        db.deleteFrom(SURVEY_BUILTIN_SETTING).where(SURVEY_BUILTIN_SETTING.EVENT_ID.eq(eventId))
                .and(SURVEY_BUILTIN_SETTING.QUESTION.eq(setting.question().name())).execute();
        if (setting.wording() != null || !setting.enabled()) {
            db.insertInto(SURVEY_BUILTIN_SETTING)
                    .set(SURVEY_BUILTIN_SETTING.EVENT_ID, eventId)
                    .set(SURVEY_BUILTIN_SETTING.ORGANIZATION_ID, organizationId)
                    .set(SURVEY_BUILTIN_SETTING.QUESTION, setting.question().name())
                    .set(SURVEY_BUILTIN_SETTING.WORDING, setting.wording())
                    .set(SURVEY_BUILTIN_SETTING.ENABLED, setting.enabled())
                    .execute();
        }
    }

    public List<ExtraQuestion> questions(long eventId) {
        return db.selectFrom(SURVEY_QUESTION).where(SURVEY_QUESTION.EVENT_ID.eq(eventId))
                .orderBy(SURVEY_QUESTION.DISPLAY_ORDER, SURVEY_QUESTION.ID)
                .fetch(SurveyQuestionRecords::question);
    }

    public Optional<ExtraQuestion> question(long organizationId, long eventId, long questionId) {
        return db.selectFrom(SURVEY_QUESTION).where(SURVEY_QUESTION.ID.eq(questionId))
                .and(SURVEY_QUESTION.EVENT_ID.eq(eventId))
                .and(SURVEY_QUESTION.ORGANIZATION_ID.eq(organizationId))
                .fetchOptional(SurveyQuestionRecords::question);
    }

    /** Adds the question after the event's others. */
    public long insert(long organizationId, long eventId, QuestionDraft draft) {
        Integer last = db.select(DSL.max(SURVEY_QUESTION.DISPLAY_ORDER)).from(SURVEY_QUESTION)
                .where(SURVEY_QUESTION.EVENT_ID.eq(eventId)).fetchOne(0, Integer.class);
        return db.insertInto(SURVEY_QUESTION)
                .set(SURVEY_QUESTION.EVENT_ID, eventId)
                .set(SURVEY_QUESTION.ORGANIZATION_ID, organizationId)
                .set(SURVEY_QUESTION.KIND, draft.kind().name())
                .set(SURVEY_QUESTION.WORDING, draft.wording())
                .set(SURVEY_QUESTION.OPTIONS, options(draft))
                .set(SURVEY_QUESTION.REQUIRED, draft.required())
                .set(SURVEY_QUESTION.DISPLAY_ORDER, last == null ? 0 : last + 1)
                .set(SURVEY_QUESTION.RETIRED, false)
                .returningResult(SURVEY_QUESTION.ID)
                .fetchSingle(SURVEY_QUESTION.ID);
    }

    public void update(long questionId, QuestionDraft draft, boolean retired) {
        db.update(SURVEY_QUESTION)
                .set(SURVEY_QUESTION.KIND, draft.kind().name())
                .set(SURVEY_QUESTION.WORDING, draft.wording())
                .set(SURVEY_QUESTION.OPTIONS, options(draft))
                .set(SURVEY_QUESTION.REQUIRED, draft.required())
                .set(SURVEY_QUESTION.RETIRED, retired)
                .where(SURVEY_QUESTION.ID.eq(questionId))
                .execute();
    }

    public void reorder(List<Long> questionIds) {
        for (int i = 0; i < questionIds.size(); i++) {
            db.update(SURVEY_QUESTION).set(SURVEY_QUESTION.DISPLAY_ORDER, i)
                    .where(SURVEY_QUESTION.ID.eq(questionIds.get(i))).execute();
        }
    }

    /** The distinct answers given to the question. */
    public Set<String> answeredValues(long questionId) {
        return db.selectDistinct(SURVEY_ANSWER.ANSWER).from(SURVEY_ANSWER)
                .where(SURVEY_ANSWER.QUESTION_ID.eq(questionId))
                .fetchSet(SURVEY_ANSWER.ANSWER);
    }

    /**
     * Replaces the response's answers to the questions it was asked; answers to questions retired since stay, as the
     * respondent was not asked them again.
     */
    public void replaceAnswers(long responseId, Collection<Long> askedQuestionIds, Map<Long, String> answers) {
        if (!askedQuestionIds.isEmpty()) {
            db.deleteFrom(SURVEY_ANSWER).where(SURVEY_ANSWER.RESPONSE_ID.eq(responseId))
                    .and(SURVEY_ANSWER.QUESTION_ID.in(askedQuestionIds)).execute();
        }
        answers.forEach((questionId, answer) -> db.insertInto(SURVEY_ANSWER)
                .set(SURVEY_ANSWER.RESPONSE_ID, responseId)
                .set(SURVEY_ANSWER.QUESTION_ID, questionId)
                .set(SURVEY_ANSWER.ANSWER, answer)
                .execute());
    }

    public Map<Long, String> answersOf(long responseId) {
        Map<Long, String> answers = new LinkedHashMap<>();
        db.select(SURVEY_ANSWER.QUESTION_ID, SURVEY_ANSWER.ANSWER).from(SURVEY_ANSWER)
                .where(SURVEY_ANSWER.RESPONSE_ID.eq(responseId))
                .orderBy(SURVEY_ANSWER.QUESTION_ID)
                .forEach(row -> answers.put(row.value1(), row.value2()));
        return answers;
    }

    /** The answers of every response of the event, by response id, then by question id. */
    public Map<Long, Map<Long, String>> answersOfEvent(long organizationId, long eventId) {
        Map<Long, Map<Long, String>> answers = new HashMap<>();
        db.select(SURVEY_ANSWER.RESPONSE_ID, SURVEY_ANSWER.QUESTION_ID, SURVEY_ANSWER.ANSWER)
                .from(SURVEY_ANSWER).join(SURVEY_RESPONSE).on(SURVEY_RESPONSE.ID.eq(SURVEY_ANSWER.RESPONSE_ID))
                .where(SURVEY_RESPONSE.EVENT_ID.eq(eventId)).and(SURVEY_RESPONSE.ORGANIZATION_ID.eq(organizationId))
                .forEach(row -> answers.computeIfAbsent(row.value1(), id -> new LinkedHashMap<>())
                        .put(row.value2(), row.value3()));
        return answers;
    }

    private static String options(QuestionDraft draft) {
        return draft.options().isEmpty() ? null : String.join("\n", draft.options());
    }

    private static ExtraQuestion question(Record row) {
        String options = row.get(SURVEY_QUESTION.OPTIONS);
        return new ExtraQuestion(row.get(SURVEY_QUESTION.ID), row.get(SURVEY_QUESTION.EVENT_ID),
                QuestionKind.valueOf(row.get(SURVEY_QUESTION.KIND)), row.get(SURVEY_QUESTION.WORDING),
                options == null ? List.of() : options.lines().toList(), row.get(SURVEY_QUESTION.REQUIRED),
                row.get(SURVEY_QUESTION.DISPLAY_ORDER), row.get(SURVEY_QUESTION.RETIRED));
    }
}
