package io.firstpin.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.platform.web.QrSvg;
import io.firstpin.testing.QrDecoding;
import org.junit.jupiter.api.Test;

class QrCodeTests {

    @Test
    void theSvgDecodesBackToTheCode() {
        String code = CheckInCode.generate();

        String svg = QrSvg.of(code);

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 33 33\"")
                .doesNotContain("<script").doesNotContain("href");
        assertThat(QrDecoding.decode(svg)).isEqualTo(code);
    }
}
