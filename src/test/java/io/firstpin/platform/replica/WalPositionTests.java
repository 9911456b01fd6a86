package io.firstpin.platform.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WalPositionTests {

    @Test
    void positionsCompareAcrossTheHighAndLowHalves() {
        assertThat(WalPosition.parse("16/B374D848").reached(WalPosition.parse("16/B374D848"))).isTrue();
        assertThat(WalPosition.parse("17/0").reached(WalPosition.parse("16/FFFFFFFF"))).isTrue();
        assertThat(WalPosition.parse("16/FFFFFFFF").reached(WalPosition.parse("17/0"))).isFalse();
        assertThat(WalPosition.parse("0/3000060").reached(WalPosition.parse("0/30000D8"))).isFalse();
    }

    @Test
    void somethingElseIsNotAPosition() {
        assertThatThrownBy(() -> WalPosition.parse("3000060")).isInstanceOf(IllegalArgumentException.class);
    }
}
