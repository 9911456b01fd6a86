package io.firstpin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.testing.QrDecoding;
import org.junit.jupiter.api.Test;

class QrSvgTests {

    @Test
    void aLinkDecodesBackToTheSameLinkFromAnSvgWithoutScripts() {
        String link = "https://firstpin.example/e/12345/survey";

        String svg = QrSvg.of(link);

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").doesNotContain("<script")
                .doesNotContain("href");
        assertThat(QrDecoding.decode(svg)).isEqualTo(link);
    }
}
