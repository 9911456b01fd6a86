package io.firstpin.survey;

import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.survey.internal.SurveyQuestionRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's editing of an event's survey: rewording the built-in questions or switching the optional ones off, and the
 * event's own questions. A question that has answers may be reworded, made optional or required, moved and retired,
 * but not changed in a way that would make its answers wrong: another kind, or options without an option answered.
 * Callers check that the event belongs to the organization.
 */
@Service
public class SurveyQuestions {

    private final SurveyQuestionRecords records;

    SurveyQuestions(SurveyQuestionRecords records) {
        this.records = records;
    }

    @Transactional(readOnly = true)
    public SurveyQuestionnaire of(long eventId) {
        return new SurveyQuestionnaire(eventId, records.builtInSettings(eventId), records.questions(eventId));
    }

    /** A blank wording brings back the default one. NPS cannot be switched off (400). */
    @Transactional
    public SurveyQuestionnaire setBuiltIn(long organizationId, long eventId, BuiltInQuestion question, String wording,
            boolean enabled) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        String text = wording == null || wording.isBlank() ? null : wording.strip();
        if (text != null && text.codePointCount(0, text.length()) > QuestionDraft.MAX_WORDING) {
            problems.add(new InvalidInputException.FieldProblem("wording", "survey.validation.too-long",
                    List.of(QuestionDraft.MAX_WORDING)));
        }
        if (!enabled && !question.optional()) {
            problems.add(new InvalidInputException.FieldProblem("enabled", "survey.questions.nps-required", List.of()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        records.saveBuiltIn(organizationId, eventId, new BuiltInSetting(question, text, enabled));
        return of(eventId);
    }

    @Transactional
    public ExtraQuestion add(long organizationId, long eventId, QuestionDraft draft) {
        long id = records.insert(organizationId, eventId, draft);
        return question(organizationId, eventId, id);
    }

    /** Rewrites the question; refused (409) where answers given to it would no longer fit. */
    @Transactional
    public ExtraQuestion change(long organizationId, long eventId, long questionId, QuestionDraft draft,
            boolean retired) {
        ExtraQuestion question = question(organizationId, eventId, questionId);
        Set<String> answered = records.answeredValues(questionId);
        if (!answered.isEmpty() && draft.kind() != question.kind()) {
            throw new ConflictException("kind", "survey.questions.answered-kind", answered.size());
        }
        if (draft.kind() == QuestionKind.CHOICE) {
            List<String> lost = answered.stream().filter(a -> !draft.options().contains(a)).sorted().toList();
            if (!lost.isEmpty()) {
                throw new ConflictException("options", "survey.questions.answered-option", String.join(" / ", lost));
            }
        }
        records.update(questionId, draft, retired);
        return question(organizationId, eventId, questionId);
    }

    /** Retires the question (no longer asked, answers kept) or asks it again. */
    @Transactional
    public ExtraQuestion retire(long organizationId, long eventId, long questionId, boolean retired) {
        ExtraQuestion q = question(organizationId, eventId, questionId);
        records.update(questionId, new QuestionDraft(q.kind(), q.wording(), q.options(), q.required()), retired);
        return question(organizationId, eventId, questionId);
    }

    /** Moves the question one place up (negative) or down (positive) among the event's questions. */
    @Transactional
    public void move(long organizationId, long eventId, long questionId, int direction) {
        question(organizationId, eventId, questionId);
        List<Long> order = new ArrayList<>(of(eventId).questions().stream().map(ExtraQuestion::id).toList());
        int from = order.indexOf(questionId);
        int to = Math.max(0, Math.min(order.size() - 1, from + Integer.signum(direction)));
        order.add(to, order.remove(from));
        records.reorder(order);
    }

    private ExtraQuestion question(long organizationId, long eventId, long questionId) {
        return records.question(organizationId, eventId, questionId)
                .orElseThrow(() -> NotFoundException.of("survey question", questionId));
    }
}
