package io.firstpin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The chart library the pages load is one without the known tooltip cross-site scripting. */
class ChartLibraryTests {

    @Test
    void theServedEChartsIsAVersionWithoutTheLegendAndLinesTooltipXss() throws IOException {
        String library;
        try (InputStream in = getClass().getResourceAsStream("/static/vendor/echarts/echarts.min.js")) {
            assertThat(in).as("ECharts is served from the application's static resources").isNotNull();
            library = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher version = Pattern.compile("version=\"(\\d+)\\.(\\d+)\\.(\\d+)\"").matcher(library);

        assertThat(version.find()).isTrue();
        int[] found = {Integer.parseInt(version.group(1)), Integer.parseInt(version.group(2)),
                Integer.parseInt(version.group(3))};
        // the legend tooltip was fixed in 5.5.1, the lines series tooltip in 6.1.0
        assertThat(found[0] * 1_000_000 + found[1] * 1_000 + found[2]).isGreaterThanOrEqualTo(6_001_000);
        assertThat(getClass().getResource("/META-INF/resources/webjars/echarts")).isNull();
    }
}
