package io.firstpin.survey;

import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.InvalidInputException.FieldProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The questions of one event's survey: the built-in ones as the event asks them, then the event's own questions in
 * their order (retired ones included, for the results).
 */
public record SurveyQuestionnaire(long eventId, Map<BuiltInQuestion, BuiltInSetting> builtIn,
        List<ExtraQuestion> questions) {

    public SurveyQuestionnaire {
        Map<BuiltInQuestion, BuiltInSetting> all = new EnumMap<>(BuiltInQuestion.class);
        for (BuiltInQuestion q : BuiltInQuestion.values()) {
            all.put(q, builtIn.getOrDefault(q, BuiltInSetting.byDefault(q)));
        }
        builtIn = Map.copyOf(all);
        questions = questions.stream()
                .sorted(Comparator.comparingInt(ExtraQuestion::displayOrder).thenComparingLong(ExtraQuestion::id))
                .toList();
    }

    public boolean asks(BuiltInQuestion question) {
        return builtIn.get(question).enabled();
    }

    /** By the question's key ({@code ces}, {@code heat}, ...), for the templates. */
    public boolean asks(String key) {
        return asks(BuiltInQuestion.of(key));
    }

    /** The built-in questions in their order, as this event asks them. */
    public List<BuiltInSetting> builtInSettings() {
        return List.of(BuiltInQuestion.values()).stream().map(builtIn::get).toList();
    }

    /** The event's own questions that are still asked, in order. */
    public List<ExtraQuestion> asked() {
        return questions.stream().filter(q -> !q.retired()).toList();
    }

    /**
     * Checks a response against this survey: answers to switched-off built-in questions are dropped (the survey did
     * not ask them), every problem is reported at once, by field; {@code extra} maps question ids (as text) to answers.
     */
    public Checked check(SurveyAnswers answers, Map<String, ?> extra) {
        SurveyAnswers asked = new SurveyAnswers(answers.nps(), asks(BuiltInQuestion.CES) ? answers.ces() : null,
                asks(BuiltInQuestion.HEAT) ? answers.heat() : null, asks(BuiltInQuestion.BEST) ? answers.best() : null,
                asks(BuiltInQuestion.COMMENT) ? answers.comment() : null,
                asks(BuiltInQuestion.SPEAK) && answers.wantsToSpeak(), answers.talkTopic(),
                asks(BuiltInQuestion.ORGANISE) && answers.wantsToOrganise(), answers.anonymous());
        List<FieldProblem> problems = new ArrayList<>(asked.problems());
        Map<String, ?> given = extra == null ? Map.of() : extra;
        Map<String, ExtraQuestion> byId = new LinkedHashMap<>();
        asked().forEach(q -> byId.put(String.valueOf(q.id()), q));
        given.keySet().stream().filter(key -> !byId.containsKey(key == null ? "" : key.strip()))
                .forEach(key -> problems.add(new FieldProblem("answers." + key, "survey.validation.unknown-question",
                        List.of())));
        Map<Long, String> values = new LinkedHashMap<>();
        Map<String, Object> stripped = new LinkedHashMap<>();
        given.forEach((key, value) -> stripped.put(key == null ? "" : key.strip(), value));
        for (ExtraQuestion question : asked()) {
            String value = question.answer(stripped.get(String.valueOf(question.id())), problems);
            if (value != null) {
                values.put(question.id(), value);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(asked, Map.copyOf(values));
    }

    /** A response fit to be stored: the built-in answers and the answers to the event's own questions by id. */
    public record Checked(SurveyAnswers answers, Map<Long, String> extra) {
    }
}
