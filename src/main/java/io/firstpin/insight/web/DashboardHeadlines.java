package io.firstpin.insight.web;

import io.firstpin.insight.PeriodSummary;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * The dashboard's headline numbers, each beside the previous period's (the same number of days just before) and the
 * change, so that a manager reads "up 12 % on last quarter" without a second page.
 */
final class DashboardHeadlines {

    private DashboardHeadlines() {
    }

    /**
     * @param key names the tile ({@code tile-}key) and its label ({@code insight.tile.}key)
     * @param previous null when there is no previous period to compare with
     */
    record Headline(String key, int value, Integer previous) {

        /** The change as people write it: {@code +12 (+9.8%)}, {@code −3}, {@code ±0}; empty without a previous. */
        public String change(Locale locale) {
            if (previous == null) {
                return "";
            }
            int difference = value - previous;
            NumberFormat number = NumberFormat.getIntegerInstance(locale);
            String sign = difference > 0 ? "+" : difference < 0 ? "−" : "±";
            String text = sign + number.format(Math.abs(difference));
            if (previous > 0 && difference != 0) {
                NumberFormat percent = NumberFormat.getPercentInstance(locale);
                percent.setMaximumFractionDigits(1);
                text += " (" + sign + percent.format(Math.abs(difference) / (double) previous) + ")";
            }
            return text;
        }

        /** {@code up}, {@code down} or {@code same}, for the colour of the change. */
        public String direction() {
            return previous == null || value == previous ? "same" : value > previous ? "up" : "down";
        }
    }

    static List<Headline> of(PeriodSummary now, PeriodSummary previous) {
        List<Headline> headlines = new ArrayList<>();
        add(headlines, "events", now, previous, PeriodSummary::events);
        add(headlines, "participants", now, previous, s -> s.participation().uniqueParticipants());
        add(headlines, "newcomers", now, previous, PeriodSummary::newcomers);
        add(headlines, "repeaters", now, previous, s -> s.participation().repeaters());
        add(headlines, "staff", now, previous, s -> s.participation().staffParticipants());
        add(headlines, "prefectures", now, previous, PeriodSummary::prefectures);
        add(headlines, "cities", now, previous, PeriodSummary::cities);
        add(headlines, "online", now, previous, PeriodSummary::online);
        return headlines;
    }

    private static void add(List<Headline> headlines, String key, PeriodSummary now, PeriodSummary previous,
            ToIntFunction<PeriodSummary> figure) {
        headlines.add(new Headline(key, figure.applyAsInt(now), previous == null ? null : figure.applyAsInt(previous)));
    }
}
