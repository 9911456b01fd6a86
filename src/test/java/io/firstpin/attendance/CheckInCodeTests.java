package io.firstpin.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckInCodeTests {

    @Test
    void codesAreTwentySixBase32LettersAndDoNotRepeat() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            codes.add(CheckInCode.generate());
        }

        assertThat(codes).hasSize(10_000).allMatch(code -> code.matches("[A-Z2-7]{26}"));
    }

    @Test
    void whatPeopleTypeIsForgiven() {
        String code = CheckInCode.generate();

        assertThat(CheckInCode.parse(CheckInCode.display(code))).contains(code);
        assertThat(CheckInCode.parse(" " + code.toLowerCase() + "\n")).contains(code);
        assertThat(CheckInCode.parse("ＡＢＣＤ ２３４５ abcd-2345-ABCD-2345-AB")).contains("ABCD2345ABCD2345ABCD2345AB");
        assertThat(CheckInCode.parse("0I8B" + code.substring(4))).contains("OIBB" + code.substring(4));
        assertThat(CheckInCode.parse("too short")).isEmpty();
        assertThat(CheckInCode.parse(null)).isEmpty();
        assertThat(CheckInCode.display("ABCDEFGHIJKLMNOPQRSTUVWXYZ")).isEqualTo("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ");
    }
}
