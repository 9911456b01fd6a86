package io.firstpin.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodPresetTests {

    private static final LocalDate FEBRUARY_10 = LocalDate.of(2026, 2, 10);
    private static final LocalDate MAY_20 = LocalDate.of(2026, 5, 20);

    private static Period period(String from, String to) {
        return new Period(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void thisQuarterRunsFromItsFirstDayToTodayAndLastQuarterIsTheWholeOneBefore() {
        assertThat(PeriodPreset.THIS_QUARTER.period(MAY_20)).isEqualTo(period("2026-04-01", "2026-05-20"));
        assertThat(PeriodPreset.LAST_QUARTER.period(MAY_20)).isEqualTo(period("2026-01-01", "2026-03-31"));
        assertThat(PeriodPreset.LAST_QUARTER.period(FEBRUARY_10)).isEqualTo(period("2025-10-01", "2025-12-31"));
    }

    @Test
    void theFiscalYearIsTheJapaneseOneFromAprilToMarch() {
        assertThat(PeriodPreset.THIS_FISCAL_YEAR.period(FEBRUARY_10)).isEqualTo(period("2025-04-01", "2026-02-10"));
        assertThat(PeriodPreset.LAST_FISCAL_YEAR.period(FEBRUARY_10)).isEqualTo(period("2024-04-01", "2025-03-31"));
        assertThat(PeriodPreset.THIS_FISCAL_YEAR.period(MAY_20)).isEqualTo(period("2026-04-01", "2026-05-20"));
        assertThat(PeriodPreset.LAST_FISCAL_YEAR.period(MAY_20)).isEqualTo(period("2025-04-01", "2026-03-31"));
    }

    @Test
    void theLastTwelveMonthsEndToday() {
        assertThat(PeriodPreset.LAST_TWELVE_MONTHS.period(MAY_20)).isEqualTo(period("2025-05-21", "2026-05-20"));
    }

    @Test
    void thePreviousPeriodHasAsManyDaysAndEndsTheDayBefore() {
        assertThat(period("2026-01-01", "2026-03-31").previous()).isEqualTo(period("2025-10-03", "2025-12-31"));
        assertThat(period("2025-04-01", "2026-03-31").previous()).isEqualTo(period("2024-04-01", "2025-03-31"));
        assertThat(period("2026-05-20", "2026-05-20").previous()).isEqualTo(period("2026-05-19", "2026-05-19"));
    }

    @Test
    void presetsAreNamedInQueriesAndAnythingElseIsACustomPeriod() {
        assertThat(PeriodPreset.parse("last-fiscal-year")).contains(PeriodPreset.LAST_FISCAL_YEAR);
        assertThat(PeriodPreset.parse("custom")).isEmpty();
        assertThat(PeriodPreset.parse(null)).isEmpty();
    }
}
