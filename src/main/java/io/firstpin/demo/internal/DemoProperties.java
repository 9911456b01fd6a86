package io.firstpin.demo.internal;

import io.firstpin.demo.DemoSize;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demo FIRSTPIN_DEMO: {@code auto} loads the demo organization only into an empty embedded default database,
 *        {@code true} loads it unless it is there already, {@code false} never does
 * @param demoSize FIRSTPIN_DEMO_SIZE: {@code standard} for the quick start, {@code large} for benchmarks
 * @param demoSeed FIRSTPIN_DEMO_SEED: the same seed gives the same organization
 */
@ConfigurationProperties("firstpin")
record DemoProperties(@DefaultValue("auto") String demo, @DefaultValue("standard") String demoSize,
        @DefaultValue("2010") long demoSeed) {

    enum Mode { AUTO, TRUE, FALSE }

    DemoProperties {
        mode(demo);
        size(demoSize);
    }

    Mode mode() {
        return mode(demo);
    }

    DemoSize size() {
        return size(demoSize);
    }

    private static Mode mode(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "auto":
                return Mode.AUTO;
            case "true":
                return Mode.TRUE;
            case "false":
                return Mode.FALSE;
            default:
                throw new IllegalArgumentException("firstpin.demo must be auto, true or false: " + text);
        }
    }

    private static DemoSize size(String text) {
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "standard":
                return DemoSize.standard();
            case "large":
                return DemoSize.large();
            default:
                throw new IllegalArgumentException("firstpin.demo-size must be standard or large: " + text);
        }
    }
}
