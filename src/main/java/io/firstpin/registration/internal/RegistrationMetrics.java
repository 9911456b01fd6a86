package io.firstpin.registration.internal;

import io.firstpin.registration.RegistrationChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code firstpin.registrations{change=confirmed|waitlisted|applied|promoted|cancelled|released|invited}}: decisions
 * on registrations, counted once committed, whichever instance made them.
 */
@Component
class RegistrationMetrics {

    private final Map<RegistrationChanged.Change, Counter> counters = new EnumMap<>(RegistrationChanged.Change.class);

    RegistrationMetrics(MeterRegistry registry) {
        for (RegistrationChanged.Change change : RegistrationChanged.Change.values()) {
            counters.put(change, Counter.builder("firstpin.registrations")
                    .description("Registrations decided, by what happened to them")
                    .tag("change", change.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RegistrationChanged changed) {
        counters.get(changed.change()).increment();
    }
}
