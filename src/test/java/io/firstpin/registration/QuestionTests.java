package io.firstpin.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.platform.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionTests {

    private static Question afterParty(boolean required) {
        return new Question(7, 1, 1, QuestionKind.YES_NO, "懇親会に参加しますか?", List.of(), required);
    }

    private static Question track() {
        return new Question(8, 1, 2, QuestionKind.CHOICE, "興味のあるトラック", List.of("AI", "Serverless"), false);
    }

    private static void refused(Runnable answering, String code) {
        assertThatThrownBy(answering::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).startsWith("answers[");
                    assertThat(p.code()).isEqualTo(code);
                }));
    }

    @Test
    void aYesNoQuestionTakesYesOrNoInAnyCase() {
        assertThat(afterParty(true).accept(" YES ")).contains("yes");
        assertThat(afterParty(true).accept("no")).contains("no");
        refused(() -> afterParty(true).accept("maybe"), "question.yes-no");
    }

    @Test
    void aRequiredQuestionCannotBeLeftBlankAnOptionalOneCan() {
        refused(() -> afterParty(true).accept("  "), "validation.required");
        assertThat(afterParty(false).accept(null)).isEmpty();
    }

    @Test
    void aChoiceMustBeOneOfTheChoicesOffered() {
        assertThat(track().accept("Serverless")).contains("Serverless");
        refused(() -> track().accept("Blockchain"), "question.not-a-choice");
    }

    @Test
    void freeTextHasALimit() {
        Question comment = new Question(9, 1, 3, QuestionKind.TEXT, "ひとこと", List.of(), false);

        assertThat(comment.accept("<script>alert(1)</script>")).contains("<script>alert(1)</script>");
        refused(() -> comment.accept("あ".repeat(Question.MAX_ANSWER + 1)), "validation.too-long");
    }

    @Test
    void aChoiceQuestionNeedsTwoDistinctChoices() {
        assertThat(Question.validDefinition(QuestionKind.CHOICE, "Track", "AI\n\n AI \nServerless\n"))
                .containsExactly("AI", "Serverless");
        assertThatThrownBy(() -> Question.validDefinition(QuestionKind.CHOICE, "Track", "AI"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("choices"));
        assertThatThrownBy(() -> Question.validDefinition(null, " ", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field).containsExactly("kind", "label"));
    }
}
