package io.firstpin.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The numbers of a set of responses. NPS is the share of promoters (9–10) minus the share of detractors (0–6), in
 * percentage points, computed from the counts and rounded once at the end, half up, to one decimal: 1 promoter, 1
 * passive and 1 detractor of 3 is 0.0; 2 promoters and 1 passive of 3 is 66.7. Means are rounded half up to two
 * decimals. Each is null without any answer to average.
 *
 * @param npsDistribution the number of answers for each score 0..10; {@code cesDistribution} 1..7,
 *        {@code heatDistribution} 1..5
 */
public record SurveySummary(int responses, int promoters, int passives, int detractors, BigDecimal nps,
        BigDecimal cesMean, BigDecimal heatMean, int wantsToSpeak, int wantsToOrganise, List<Integer> npsDistribution,
        List<Integer> cesDistribution, List<Integer> heatDistribution) {

    public static SurveySummary of(Collection<SurveyAnswers> answers) {
        List<Integer> npsCounts = zeros(11);
        List<Integer> cesCounts = zeros(7);
        List<Integer> heatCounts = zeros(5);
        int promoters = 0;
        int detractors = 0;
        int speakers = 0;
        int organisers = 0;
        for (SurveyAnswers a : answers) {
            npsCounts.set(a.nps(), npsCounts.get(a.nps()) + 1);
            if (a.nps() >= 9) {
                promoters++;
            } else if (a.nps() <= 6) {
                detractors++;
            }
            if (a.ces() != null) {
                cesCounts.set(a.ces() - 1, cesCounts.get(a.ces() - 1) + 1);
            }
            if (a.heat() != null) {
                heatCounts.set(a.heat() - 1, heatCounts.get(a.heat() - 1) + 1);
            }
            speakers += a.wantsToSpeak() ? 1 : 0;
            organisers += a.wantsToOrganise() ? 1 : 0;
        }
        int n = answers.size();
        BigDecimal nps = n == 0 ? null
                : BigDecimal.valueOf((long) (promoters - detractors) * 100).divide(BigDecimal.valueOf(n), 1,
                        RoundingMode.HALF_UP);
        return new SurveySummary(n, promoters, n - promoters - detractors, detractors, nps, mean(cesCounts, 1),
                mean(heatCounts, 1), speakers, organisers, List.copyOf(npsCounts), List.copyOf(cesCounts),
                List.copyOf(heatCounts));
    }

    /** Share of respondents in a group, in percent with one decimal, for display; null without responses. */
    public BigDecimal percentOf(int count) {
        return responses == 0 ? null
                : BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(responses), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal mean(List<Integer> counts, int firstScore) {
        long total = 0;
        long sum = 0;
        for (int i = 0; i < counts.size(); i++) {
            total += counts.get(i);
            sum += (long) counts.get(i) * (i + firstScore);
        }
        return total == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
    }

    private static List<Integer> zeros(int size) {
        return new ArrayList<>(Collections.nCopies(size, 0));
    }
}
