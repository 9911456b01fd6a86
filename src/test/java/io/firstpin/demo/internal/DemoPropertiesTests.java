package io.firstpin.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.demo.DemoSize;
import org.junit.jupiter.api.Test;

class DemoPropertiesTests {

    @Test
    void readsModeAndSizeWhateverTheirCase() {
        DemoProperties properties = new DemoProperties(" TRUE ", "Large", 7);

        assertThat(properties.mode()).isEqualTo(DemoProperties.Mode.TRUE);
        assertThat(properties.size()).isEqualTo(DemoSize.large());
        assertThat(new DemoProperties("auto", "standard", 7).size()).isEqualTo(DemoSize.standard());
    }

    @Test
    void refusesValuesItDoesNotKnowAtStartRatherThanGuessing() {
        assertThatThrownBy(() -> new DemoProperties("yes-please", "standard", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firstpin.demo");
        assertThatThrownBy(() -> new DemoProperties("true", "huge", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firstpin.demo-size");
    }
}
