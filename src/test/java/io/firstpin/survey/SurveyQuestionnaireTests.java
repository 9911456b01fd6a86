package io.firstpin.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.InvalidInputException.FieldProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SurveyQuestionnaireTests {

    private static final ExtraQuestion TRACK = new ExtraQuestion(11, 1, QuestionKind.CHOICE, "どのトラック?",
            List.of("A", "B"), true, 0, false);
    private static final ExtraQuestion VENUE = new ExtraQuestion(12, 1, QuestionKind.SCALE, "会場は?", List.of(), false,
            1, false);
    private static final ExtraQuestion WISH = new ExtraQuestion(13, 1, QuestionKind.TEXT, "次に聞きたいテーマ", List.of(),
            false, 2, false);
    private static final ExtraQuestion OLD = new ExtraQuestion(14, 1, QuestionKind.TEXT, "取り下げた質問", List.of(),
            false, 3, true);

    private static SurveyQuestionnaire withOwnQuestions() {
        return new SurveyQuestionnaire(1, Map.of(), List.of(WISH, OLD, VENUE, TRACK));
    }

    private static SurveyAnswers rating(int nps) {
        return new SurveyAnswers(nps, 6, 4, "LT", "また来ます", true, "CDK", true, false);
    }

    private static List<String> fieldsOf(Runnable check) {
        try {
            check.run();
        } catch (InvalidInputException e) {
            return e.problems().stream().map(FieldProblem::field).toList();
        }
        throw new AssertionError("expected the answers to be refused");
    }

    @Test
    void theDefaultSurveyAsksEveryBuiltInQuestionAndNoOwnOne() {
        SurveyQuestionnaire questionnaire = new SurveyQuestionnaire(1, Map.of(), List.of());

        assertThat(questionnaire.builtInSettings()).allSatisfy(s -> {
            assertThat(s.enabled()).isTrue();
            assertThat(s.wording()).isNull();
        });
        assertThat(questionnaire.check(rating(9), Map.of()).answers()).isEqualTo(rating(9));
    }

    @Test
    void ownQuestionsAreAskedInOrderWithoutTheRetiredOnes() {
        assertThat(withOwnQuestions().asked()).containsExactly(TRACK, VENUE, WISH);
        assertThat(withOwnQuestions().questions()).containsExactly(TRACK, VENUE, WISH, OLD);
    }

    @Test
    void validAnswersToOwnQuestionsAreKeptByQuestionAndNumbersMayComeAsText() {
        SurveyQuestionnaire.Checked checked = withOwnQuestions().check(rating(10),
                Map.of("11", " B ", "12", 4, "13", "  Bedrock  "));
        SurveyQuestionnaire.Checked asText = withOwnQuestions().check(rating(10), Map.of("11", "A", "12", "5"));

        assertThat(checked.extra()).containsExactlyInAnyOrderEntriesOf(Map.of(11L, "B", 12L, "4", 13L, "Bedrock"));
        assertThat(asText.extra()).containsExactlyInAnyOrderEntriesOf(Map.of(11L, "A", 12L, "5"));
    }

    @Test
    void everyProblemWithOwnAnswersIsReportedAtOnceUnderItsQuestion() {
        Map<String, Object> wrong = new HashMap<>();
        wrong.put("11", "C");
        wrong.put("12", 6);
        wrong.put("13", "x".repeat(ExtraQuestion.MAX_TEXT_ANSWER + 1));
        wrong.put("14", "retired");
        wrong.put("99", "unknown");

        assertThat(fieldsOf(() -> withOwnQuestions().check(rating(11), wrong))).containsExactlyInAnyOrder("nps",
                "answers.11", "answers.12", "answers.13", "answers.14", "answers.99");
    }

    @Test
    void aRequiredQuestionMustBeAnsweredAndAnswersMustBeTextOrNumbers() {
        assertThatThrownBy(() -> withOwnQuestions().check(rating(5), Map.of("12", 3)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(new FieldProblem("answers.11", "validation.required", List.of())));
        assertThat(fieldsOf(() -> withOwnQuestions().check(rating(5), Map.of("11", "A", "12", 2.5))))
                .containsExactly("answers.12");
        assertThat(fieldsOf(() -> withOwnQuestions().check(rating(5), Map.of("11", List.of("A")))))
                .containsExactly("answers.11");
    }

    @Test
    void answersToSwitchedOffQuestionsAreDroppedAndTheirWordingIsTheEventsOwn() {
        SurveyQuestionnaire questionnaire = new SurveyQuestionnaire(1, Map.of(
                BuiltInQuestion.CES, new BuiltInSetting(BuiltInQuestion.CES, null, false),
                BuiltInQuestion.SPEAK, new BuiltInSetting(BuiltInQuestion.SPEAK, null, false),
                BuiltInQuestion.NPS, new BuiltInSetting(BuiltInQuestion.NPS, "同僚に薦めますか?", true)), List.of());

        SurveyAnswers kept = questionnaire.check(new SurveyAnswers(9, 99, 4, null, null, true, "CDK", false, true),
                Map.of()).answers();

        assertThat(kept.ces()).as("not asked, so not even checked").isNull();
        assertThat(kept.wantsToSpeak()).isFalse();
        assertThat(kept.talkTopic()).isNull();
        assertThat(kept.heat()).isEqualTo(4);
        assertThat(questionnaire.asks("ces")).isFalse();
        assertThat(questionnaire.builtIn().get(BuiltInQuestion.NPS).wording()).isEqualTo("同僚に薦めますか?");
    }

    @Test
    void aDraftNeedsAWordingAndAChoiceAtLeastTwoDistinctShortOptions() {
        QuestionDraft choice = QuestionDraft.of("choice", " 参加形態 ", List.of("現地\n オンライン \n\n現地"), true);

        assertThat(choice.kind()).isEqualTo(QuestionKind.CHOICE);
        assertThat(choice.wording()).isEqualTo("参加形態");
        assertThat(choice.options()).containsExactly("現地", "オンライン");
        assertThat(QuestionDraft.of("text", "感想", List.of("ignored"), null).options()).isEmpty();
        assertThatThrownBy(() -> QuestionDraft.of("choice", " ", List.of("only one"), false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("wording", "options"));
        assertThatThrownBy(() -> QuestionDraft.of("slider", "x", List.of(), false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::code).containsExactly("survey.questions.unknown-kind"));
        assertThatThrownBy(() -> QuestionDraft.of("choice", "x".repeat(301), List.of("a", "b".repeat(101)), false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("wording", "options"));
    }
}
