package io.firstpin.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.platform.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class InsightPeriodTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

    @Test
    void withoutDatesThePeriodIsTheLastTwelveMonths() {
        assertThat(Period.parse(null, "", TODAY)).isEqualTo(new Period(LocalDate.of(2025, 4, 1), TODAY));
    }

    @Test
    void bothDatesAreInclusiveInTheGivenTimeZone() {
        Period march = Period.parse("2026-03-01", "2026-03-31", TODAY);

        assertThat(march.start(ZoneId.of("Asia/Tokyo"))).isEqualTo(Instant.parse("2026-02-28T15:00:00Z"));
        assertThat(march.end(ZoneId.of("Asia/Tokyo"))).isEqualTo(Instant.parse("2026-03-31T15:00:00Z"));
    }

    @Test
    void aDateThatIsNotYyyyMmDdOrAReversedPeriodIsInvalidInput() {
        assertThatThrownBy(() -> Period.parse("2026/03/01", null, TODAY)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems().get(0).field()).isEqualTo("from"));
        assertThatThrownBy(() -> Period.parse("2026-02-30", null, TODAY)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Period.parse("2020-01-01", "+999999999-12-31", TODAY))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Period.parse("2026-03-02", "2026-03-01", TODAY))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems().get(0).field()).isEqualTo("to"));
    }

    @Test
    void ratiosHaveFourDecimalsAndNoneWithoutAWhole() {
        assertThat(Ratio.of(29, 57)).isEqualTo(0.5088);
        assertThat(Ratio.of(2, 3)).isEqualTo(0.6667);
        assertThat(Ratio.of(0, 0)).isNull();
    }
}
