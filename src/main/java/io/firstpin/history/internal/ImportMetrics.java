package io.firstpin.history.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * {@code firstpin.history.import{format, outcome=imported|rejected}}: how long importing one file took, from reading
 * it to its last write (the commit follows); a bulk import records each of its files.
 */
@Component
public class ImportMetrics {

    private final MeterRegistry registry;

    ImportMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public <T> T timed(String format, Supplier<T> work) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "rejected";
        try {
            T result = work.get();
            outcome = "imported";
            return result;
        } finally {
            sample.stop(Timer.builder("firstpin.history.import")
                    .description("Time to import one file of past events")
                    .tag("format", format.toLowerCase(Locale.ROOT))
                    .tag("outcome", outcome)
                    .register(registry));
        }
    }
}
