package io.firstpin.insight.web;

import io.firstpin.insight.CommunityReport;
import io.firstpin.insight.EventKpis;
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

    static List<Headline> of(CommunityReport report, CommunityReport previous) {
        List<Headline> headlines = new ArrayList<>();
        add(headlines, "events", report, previous, r -> r.events().size());
        add(headlines, "participants", report, previous, r -> r.participation().uniqueParticipants());
        add(headlines, "newcomers", report, previous, r -> r.events().stream().mapToInt(EventKpis::newcomers).sum());
        add(headlines, "repeaters", report, previous, r -> r.participation().repeaters());
        add(headlines, "staff", report, previous, r -> r.participation().staffParticipants());
        add(headlines, "prefectures", report, previous, r -> r.footprint().prefectureCodes().size());
        add(headlines, "cities", report, previous, r -> r.footprint().cities());
        add(headlines, "online", report, previous, r -> r.footprint().online());
        return headlines;
    }

    private static void add(List<Headline> headlines, String key, CommunityReport report, CommunityReport previous,
            ToIntFunction<CommunityReport> figure) {
        headlines.add(new Headline(key, figure.applyAsInt(report),
                previous == null ? null : figure.applyAsInt(previous)));
    }
}
