package io.firstpin.platform.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PrefectureTests {

    @Test
    void thereAreFortySevenPrefecturesInOfficialOrderWithIsoCodes() {
        assertThat(Prefecture.values()).hasSize(47);
        assertThat(Arrays.stream(Prefecture.values()).map(Prefecture::code).distinct()).hasSize(47);
        assertThat(Prefecture.HOKKAIDO.code()).isEqualTo("JP-01");
        assertThat(Prefecture.TOKYO.code()).isEqualTo("JP-13");
        assertThat(Prefecture.OKINAWA.code()).isEqualTo("JP-47");
    }

    @Test
    void aPrefectureIsFoundByJapaneseNameIsoCodeOrEnglishName() {
        assertThat(Prefecture.parse("東京都")).contains(Prefecture.TOKYO);
        assertThat(Prefecture.parse("jp-27")).contains(Prefecture.OSAKA);
        assertThat(Prefecture.parse(" Hokkaido ")).contains(Prefecture.HOKKAIDO);
        assertThat(Prefecture.parse("Atlantis")).isEmpty();
        assertThat(Prefecture.parse("")).isEmpty();
    }

    @Test
    void itIsShownInTheReadersLanguage() {
        assertThat(Prefecture.KYOTO.displayName(Locale.ENGLISH)).isEqualTo("Kyoto");
        assertThat(Prefecture.KYOTO.displayName(Locale.JAPANESE)).isEqualTo("京都府");
    }
}
