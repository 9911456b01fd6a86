package io.firstpin.insight;

import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Optional;

/**
 * The periods a manager reports on, relative to today in the community's time zone. A period under way runs to today,
 * so that its previous period ({@link Period#previous}) is the same number of days just before it. The fiscal year is
 * the Japanese one, April to March.
 */
public enum PeriodPreset {
    THIS_QUARTER,
    LAST_QUARTER,
    THIS_FISCAL_YEAR,
    LAST_FISCAL_YEAR,
    LAST_TWELVE_MONTHS;

    public Period period(LocalDate today) {
        return switch (this) {
            case THIS_QUARTER -> new Period(quarterStart(today), today);
            case LAST_QUARTER -> {
                LocalDate start = quarterStart(today).minusMonths(3);
                yield new Period(start, start.plusMonths(3).minusDays(1));
            }
            case THIS_FISCAL_YEAR -> new Period(fiscalYearStart(today), today);
            case LAST_FISCAL_YEAR -> {
                LocalDate start = fiscalYearStart(today).minusYears(1);
                yield new Period(start, start.plusYears(1).minusDays(1));
            }
            case LAST_TWELVE_MONTHS -> Period.lastTwelveMonths(today);
        };
    }

    /** The name in query parameters: {@code this-quarter}, {@code last-fiscal-year} … */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The preset a query parameter names; none for anything else (a custom period). */
    public static Optional<PeriodPreset> parse(String text) {
        for (PeriodPreset preset : values()) {
            if (preset.key().equals(text == null ? null : text.strip())) {
                return Optional.of(preset);
            }
        }
        return Optional.empty();
    }

    private static LocalDate quarterStart(LocalDate day) {
        return day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
    }

    private static LocalDate fiscalYearStart(LocalDate day) {
        int year = day.getMonthValue() >= Month.APRIL.getValue() ? day.getYear() : day.getYear() - 1;
        return LocalDate.of(year, Month.APRIL, 1);
    }
}
