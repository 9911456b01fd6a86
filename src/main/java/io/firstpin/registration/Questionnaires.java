package io.firstpin.registration;

import static io.firstpin.platform.db.Tables.REGISTRATION;
import static io.firstpin.platform.db.Tables.REGISTRATION_ANSWER;
import static io.firstpin.platform.db.Tables.REGISTRATION_QUESTION;

import io.firstpin.event.Events;
import io.firstpin.platform.BulkWriter;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.InvalidInputException.FieldProblem;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.db.tables.records.RegistrationQuestionRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The questions an event asks whoever registers, and their answers. Staff add and retire questions; a retired question
 * is no longer asked, and the answers given to it stay.
 */
@Service
public class Questionnaires {

    static final int MAX_QUESTIONS = 20;

    private final DSLContext db;
    private final Events events;
    private final BulkWriter bulk;

    Questionnaires(DSLContext db, Events events, BulkWriter bulk) {
        this.db = db;
        this.events = events;
        this.bulk = bulk;
    }

    /** The questions asked now, in order. */
    @Transactional(readOnly = true)
    public List<Question> of(long eventId) {
        return questions(eventId, false);
    }

    /** Every question the event ever asked, retired ones included, for exports. */
    @Transactional(readOnly = true)
    public List<Question> everAsked(long eventId) {
        return questions(eventId, true);
    }

    @Transactional
    public Question ask(long organizationId, long eventId, QuestionKind kind, String label, String choices,
            boolean required) {
        return ask(organizationId, eventId, kind, label, choices, required, null, false);
    }

    /**
     * Asks a question of whoever registers for the event, or only of those registering for {@code frameId}; the
     * answers to a text question that {@code feedsAgenda} are talk titles for the agenda draft ({@link AgendaDrafts}).
     */
    @Transactional
    public Question ask(long organizationId, long eventId, QuestionKind kind, String label, String choices,
            boolean required, Long frameId, boolean feedsAgenda) {
        events.summary(eventId).filter(e -> e.organizationId() == organizationId)
                .orElseThrow(() -> NotFoundException.of("event", eventId));
        List<String> cleanChoices = Question.validDefinition(kind, label, choices);
        if (frameId != null && events.frames(eventId).stream().noneMatch(frame -> frame.id().equals(frameId))) {
            throw InvalidInputException.of("frame", "question.frame-unknown");
        }
        if (feedsAgenda && kind != QuestionKind.TEXT) {
            throw InvalidInputException.of("feedsAgenda", "question.feeds-agenda-text");
        }
        if (of(eventId).size() >= MAX_QUESTIONS) {
            throw InvalidInputException.of("label", "question.too-many", MAX_QUESTIONS);
        }
        Integer last = db.select(DSL.max(REGISTRATION_QUESTION.POSITION)).from(REGISTRATION_QUESTION)
                .where(REGISTRATION_QUESTION.EVENT_ID.eq(eventId)).fetchOne(0, Integer.class);
        RegistrationQuestionRecord row = db.insertInto(REGISTRATION_QUESTION)
                .set(REGISTRATION_QUESTION.ORGANIZATION_ID, organizationId)
                .set(REGISTRATION_QUESTION.EVENT_ID, eventId)
                .set(REGISTRATION_QUESTION.POSITION, last == null ? 1 : last + 1)
                .set(REGISTRATION_QUESTION.KIND, kind.name())
                .set(REGISTRATION_QUESTION.LABEL, label.strip())
                .set(REGISTRATION_QUESTION.CHOICES, cleanChoices.isEmpty() ? null : String.join("\n", cleanChoices))
                .set(REGISTRATION_QUESTION.REQUIRED, required)
                .set(REGISTRATION_QUESTION.RETIRED, false)
                .set(REGISTRATION_QUESTION.FRAME_ID, frameId)
                .set(REGISTRATION_QUESTION.FEEDS_AGENDA, feedsAgenda)
                .returning()
                .fetchOne();
        return question(row);
    }

    /** Stops asking the question; the answers already given are kept. */
    @Transactional
    public void retire(long organizationId, long questionId) {
        int retired = db.update(REGISTRATION_QUESTION)
                .set(REGISTRATION_QUESTION.RETIRED, true)
                .where(REGISTRATION_QUESTION.ID.eq(questionId))
                .and(REGISTRATION_QUESTION.ORGANIZATION_ID.eq(organizationId))
                .execute();
        if (retired == 0) {
            throw NotFoundException.of("question", questionId);
        }
    }

    /**
     * Checks answers keyed by question id against the questions asked now of someone registering for the frame: every
     * problem at once, each on its question's field. Answers to another frame's questions are left out (the form shows
     * them all); answers to questions the event does not ask are refused.
     *
     * @return the answers as kept, blank optional ones left out
     */
    public Answers accept(long eventId, long frameId, Map<String, String> answers) {
        Map<String, String> given = answers == null ? Map.of() : answers;
        List<Question> all = of(eventId);
        List<Question> asked = all.stream().filter(question -> question.asks(frameId)).toList();
        List<FieldProblem> problems = new ArrayList<>();
        Map<Long, String> accepted = new LinkedHashMap<>();
        for (Question question : asked) {
            try {
                question.accept(given.get(String.valueOf(question.id()))).ifPresent(a -> accepted.put(question.id(), a));
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        given.keySet().stream()
                .filter(key -> all.stream().noneMatch(q -> String.valueOf(q.id()).equals(key)))
                .sorted()
                .forEach(key -> problems.add(new FieldProblem("answers[" + key + "]", "question.unknown", List.of())));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Answers(asked.stream().map(Question::id).toList(), accepted);
    }

    /** Keeps the accepted answers as the registration's answers to the questions they were checked against. */
    void record(long registrationId, Answers answers) {
        if (answers.asked().isEmpty()) {
            return;
        }
        db.deleteFrom(REGISTRATION_ANSWER)
                .where(REGISTRATION_ANSWER.REGISTRATION_ID.eq(registrationId))
                .and(REGISTRATION_ANSWER.QUESTION_ID.in(answers.asked()))
                .execute();
        if (!answers.given().isEmpty()) {
            var insert = db.insertInto(REGISTRATION_ANSWER, REGISTRATION_ANSWER.REGISTRATION_ID,
                    REGISTRATION_ANSWER.QUESTION_ID, REGISTRATION_ANSWER.ANSWER);
            for (Map.Entry<Long, String> answer : answers.given().entrySet()) {
                insert = insert.values(registrationId, answer.getKey(), answer.getValue());
            }
            insert.execute();
        }
    }

    /**
     * Keeps the answers an export of another site carries. Each label becomes a free-text question of the event unless
     * the event has one so labelled already; a new one is retired at once, since the event's own form never asked it.
     * The answers replace those the same registrations had to these questions.
     *
     * @param answers per registration id, lined up with {@code labels}; blank ones are left out
     */
    @Transactional
    public void importAnswers(long organizationId, long eventId, List<String> labels, Map<Long, List<String>> answers) {
        if (labels.isEmpty()) {
            return;
        }
        Map<String, Long> byLabel = new HashMap<>();
        questions(eventId, true).forEach(q -> byLabel.putIfAbsent(q.label(), q.id()));
        Integer last = db.select(DSL.max(REGISTRATION_QUESTION.POSITION)).from(REGISTRATION_QUESTION)
                .where(REGISTRATION_QUESTION.EVENT_ID.eq(eventId)).fetchOne(0, Integer.class);
        int position = last == null ? 0 : last;
        List<Long> questionIds = new ArrayList<>();
        for (String label : labels) {
            String shown = label.strip();
            if (!byLabel.containsKey(shown)) {
                byLabel.put(shown, db.insertInto(REGISTRATION_QUESTION)
                        .set(REGISTRATION_QUESTION.ORGANIZATION_ID, organizationId)
                        .set(REGISTRATION_QUESTION.EVENT_ID, eventId)
                        .set(REGISTRATION_QUESTION.POSITION, ++position)
                        .set(REGISTRATION_QUESTION.KIND, QuestionKind.TEXT.name())
                        .set(REGISTRATION_QUESTION.LABEL, shown)
                        .set(REGISTRATION_QUESTION.REQUIRED, false)
                        .set(REGISTRATION_QUESTION.RETIRED, true)
                        .returning(REGISTRATION_QUESTION.ID)
                        .fetchOne(REGISTRATION_QUESTION.ID));
            }
            questionIds.add(byLabel.get(shown));
        }
        db.deleteFrom(REGISTRATION_ANSWER)
                .where(REGISTRATION_ANSWER.QUESTION_ID.in(questionIds))
                .and(REGISTRATION_ANSWER.REGISTRATION_ID.in(DSL.select(REGISTRATION.ID).from(REGISTRATION)
                        .where(REGISTRATION.EVENT_ID.eq(eventId))))
                .execute();
        List<Object[]> rows = new ArrayList<>();
        answers.forEach((registrationId, given) -> {
            for (int i = 0; i < Math.min(given.size(), questionIds.size()); i++) {
                String answer = given.get(i) == null ? "" : given.get(i).strip();
                if (!answer.isEmpty()) {
                    rows.add(new Object[] {registrationId, questionIds.get(i), answer});
                }
            }
        });
        bulk.insert(REGISTRATION_ANSWER, List.of(REGISTRATION_ANSWER.REGISTRATION_ID, REGISTRATION_ANSWER.QUESTION_ID,
                REGISTRATION_ANSWER.ANSWER), rows);
    }

    /**
     * Answers checked against the questions asked at that moment.
     *
     * @param asked the ids of those questions
     * @param given the answers by question id, blank optional ones left out
     */
    public record Answers(List<Long> asked, Map<Long, String> given) {
    }

    /** The registration's answers by question id. */
    @Transactional(readOnly = true)
    public Map<Long, String> answersOf(long registrationId) {
        return db.select(REGISTRATION_ANSWER.QUESTION_ID, REGISTRATION_ANSWER.ANSWER)
                .from(REGISTRATION_ANSWER)
                .where(REGISTRATION_ANSWER.REGISTRATION_ID.eq(registrationId))
                .fetchMap(REGISTRATION_ANSWER.QUESTION_ID, REGISTRATION_ANSWER.ANSWER);
    }

    /** Every registration's answers for the event: registration id → question id → answer. */
    @Transactional(readOnly = true)
    public Map<Long, Map<Long, String>> answersOfEvent(long eventId) {
        Map<Long, Map<Long, String>> answers = new HashMap<>();
        db.select(REGISTRATION_ANSWER.REGISTRATION_ID, REGISTRATION_ANSWER.QUESTION_ID, REGISTRATION_ANSWER.ANSWER)
                .from(REGISTRATION_ANSWER)
                .join(REGISTRATION).on(REGISTRATION.ID.eq(REGISTRATION_ANSWER.REGISTRATION_ID))
                .where(REGISTRATION.EVENT_ID.eq(eventId))
                .forEach(row -> answers.computeIfAbsent(row.value1(), id -> new HashMap<>())
                        .put(row.value2(), row.value3()));
        return answers;
    }

    public Optional<Question> find(long organizationId, long questionId) {
        return db.selectFrom(REGISTRATION_QUESTION)
                .where(REGISTRATION_QUESTION.ID.eq(questionId))
                .and(REGISTRATION_QUESTION.ORGANIZATION_ID.eq(organizationId))
                .fetchOptional(Questionnaires::question);
    }

    private List<Question> questions(long eventId, boolean withRetired) {
        return db.selectFrom(REGISTRATION_QUESTION)
                .where(REGISTRATION_QUESTION.EVENT_ID.eq(eventId))
                .and(withRetired ? DSL.noCondition() : REGISTRATION_QUESTION.RETIRED.isFalse())
                .orderBy(REGISTRATION_QUESTION.POSITION, REGISTRATION_QUESTION.ID)
                .fetch(Questionnaires::question);
    }

    private static Question question(RegistrationQuestionRecord row) {
        List<String> choices = row.getChoices() == null ? List.of() : Arrays.asList(row.getChoices().split("\n"));
        return new Question(row.getId(), row.getEventId(), row.getPosition(), QuestionKind.valueOf(row.getKind()),
                row.getLabel(), choices, row.getRequired(), row.getFrameId(), row.getFeedsAgenda());
    }
}
