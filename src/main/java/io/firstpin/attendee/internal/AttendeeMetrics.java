package io.firstpin.attendee.internal;

import static io.firstpin.platform.db.Tables.ATTENDEE_CHANGE;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AttendeeMetrics {

    /**
     * {@code firstpin.attendee.changes.pending}: changes recorded at commit and not applied to the kept attendee rows
     * yet. Near zero normally; a growing number means the background refresh falls behind (readers then catch up
     * themselves, more slowly).
     */
    @Bean
    MeterBinder attendeeChangeBacklog(DSLContext db) {
        return registry -> Gauge.builder("firstpin.attendee.changes.pending", db, d -> d.fetchCount(ATTENDEE_CHANGE))
                .description("Attendee changes recorded and not applied yet")
                .register(registry);
    }
}
