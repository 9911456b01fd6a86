package io.firstpin.insight;

import java.time.YearMonth;
import java.util.List;

/**
 * The participants whose first event in scope was in {@code month}, and how many of them attended again within 1, 3, 6
 * and 12 months of that first event.
 */
public record Cohort(YearMonth month, int members, List<Retention> retention) {

    public static final List<Integer> WINDOWS = List.of(1, 3, 6, 12);

    public Cohort {
        retention = List.copyOf(retention);
    }

    /**
     * @param returned cohort members who attended another event within {@code months} of their first; null while that
     *     window has not yet passed for every member of the cohort
     */
    public record Retention(int months, Integer returned, Double share) {

        public static Retention of(int months, Integer returned, int members) {
            return new Retention(months, returned, returned == null ? null : Ratio.of(returned, members));
        }
    }
}
