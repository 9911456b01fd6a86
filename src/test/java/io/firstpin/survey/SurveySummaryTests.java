package io.firstpin.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SurveySummaryTests {

    private static SurveyAnswers score(int nps) {
        return new SurveyAnswers(nps, null, null, null, null, false, null, false, false);
    }

    private static SurveyAnswers scores(int nps, Integer ces, Integer heat) {
        return new SurveyAnswers(nps, ces, heat, null, null, false, null, false, false);
    }

    @Test
    void npsIsTheShareOfPromotersMinusTheShareOfDetractorsRoundedOnceToOneDecimal() {
        // 3 promoters (9, 10, 10), 2 passives (7, 8), 2 detractors (0, 6) of 7: (3 - 2) / 7 = 14.2857...% → 14.3
        SurveySummary summary = SurveySummary.of(List.of(score(9), score(10), score(10), score(7), score(8), score(0),
                score(6)));

        assertThat(summary.responses()).isEqualTo(7);
        assertThat(summary.promoters()).isEqualTo(3);
        assertThat(summary.passives()).isEqualTo(2);
        assertThat(summary.detractors()).isEqualTo(2);
        assertThat(summary.nps()).isEqualByComparingTo("14.3");
        assertThat(summary.npsDistribution()).containsExactly(1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2);
    }

    @Test
    void twoThirdsPromotersRoundHalfUpAndAllDetractorsGiveMinusOneHundred() {
        assertThat(SurveySummary.of(List.of(score(9), score(10), score(8))).nps()).isEqualByComparingTo("66.7");
        assertThat(SurveySummary.of(List.of(score(6), score(8), score(8))).nps()).isEqualByComparingTo("-33.3");
        assertThat(SurveySummary.of(List.of(score(0), score(3))).nps()).isEqualByComparingTo("-100.0");
        assertThat(SurveySummary.of(List.of(score(9), score(7), score(6))).nps()).isEqualByComparingTo("0.0");
    }

    @Test
    void npsIsComputedFromCountsNotFromRoundedShares() {
        // 2 promoters, 1 detractor of 6: 33.33..% - 16.66..% = 16.66..% → 16.7, where rounding each share first
        // (33.3 - 16.7) would give 16.6
        List<SurveyAnswers> six = new ArrayList<>(IntStream.range(0, 3).mapToObj(i -> score(8)).toList());
        six.addAll(List.of(score(9), score(10), score(2)));
        assertThat(SurveySummary.of(six).nps()).isEqualByComparingTo("16.7");
    }

    @Test
    void meansLeaveOutUnansweredScoresAndEverythingIsNullWithoutResponses() {
        SurveySummary summary = SurveySummary.of(List.of(scores(9, 7, 5), scores(5, 6, null), scores(8, null, 4)));

        assertThat(summary.cesMean()).isEqualByComparingTo("6.50");
        assertThat(summary.heatMean()).isEqualByComparingTo("4.50");
        assertThat(summary.cesDistribution()).containsExactly(0, 0, 0, 0, 0, 1, 1);

        SurveySummary none = SurveySummary.of(List.of());
        assertThat(none.nps()).isNull();
        assertThat(none.cesMean()).isNull();
        assertThat(none.heatMean()).isNull();
        assertThat(none.percentOf(0)).isNull();
    }

    @Test
    void outOfRangeScoresAndOverLongTextsAreRefusedTogetherByField() {
        SurveyAnswers answers = new SurveyAnswers(11, 0, 6, "x".repeat(1001), "y".repeat(2001), true, "z".repeat(201),
                false, false);

        assertThatThrownBy(answers::validated).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::field)
                        .containsExactly("nps", "ces", "heat", "best", "comment", "talkTopic"));
        assertThatThrownBy(() -> new SurveyAnswers(null, 4, 3, null, null, false, null, false, false).validated())
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::code)
                                .containsExactly("validation.required"));
    }

    @Test
    void aTopicIsKeptOnlyForSomeoneWhoWantsToSpeakAndBlankTextsAreNotAnswers() {
        SurveyAnswers answers = new SurveyAnswers(10, null, null, "  ", " 良かった ", false, "Lambda", false, false);

        assertThat(answers.best()).isNull();
        assertThat(answers.comment()).isEqualTo("良かった");
        assertThat(answers.talkTopic()).isNull();
    }
}
