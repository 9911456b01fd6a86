package io.firstpin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediansAndDigestsTests {

    @Test
    void theMedianOfAnOddCountIsTheMiddleValueWhateverTheOrder() {
        assertThat(Medians.of(List.of(9L, 1L, 4L)).getAsDouble()).isEqualTo(4.0);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertThat(Medians.of(List.of(0.2, 0.1, 0.4, 0.3)).getAsDouble()).isEqualTo(0.25);
        assertThat(Medians.orNull(List.of(3L, 8L))).isEqualTo(5.5);
    }

    @Test
    void noValuesHaveNoMedian() {
        assertThat(Medians.of(List.of())).isEmpty();
        assertThat(Medians.orNull(List.of())).isNull();
    }

    @Test
    void sha256IsTheStandardDigestAndSecretsAreStoredAsIt() {
        String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

        assertThat(Sha256.hex("abc")).isEqualTo(abc);
        assertThat(Sha256.hex("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(abc);
        assertThat(Secrets.hash("abc")).isEqualTo(abc);
    }
}
