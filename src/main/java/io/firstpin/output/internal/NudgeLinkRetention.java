package io.firstpin.output.internal;

import static io.firstpin.platform.db.Tables.OUTPUT_NUDGE;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A nudge's record (its private link to add a report, under the event and member) is deleted
 * {@code firstpin.outputs.nudge-links-valid-for} after it was sent; the event's round, which keeps a second nudge
 * from going out, stays. A db-scheduler task, so one instance runs each pass.
 */
@Configuration(proxyBeanMethods = false)
class NudgeLinkRetention {

    static final String TASK = "output-nudge-link-retention";

    private static final Logger log = LoggerFactory.getLogger(NudgeLinkRetention.class);

    @Bean
    RecurringTask<Void> nudgeLinkRetentionTask(DSLContext db, Settings settings, Clock clock) {
        return Tasks.recurring(TASK, FixedDelay.of(settings.retentionCheckInterval()))
                .execute((instance, context) -> {
                    int deleted = db.deleteFrom(OUTPUT_NUDGE)
                            .where(OUTPUT_NUDGE.SENT_AT.lt(clock.instant().minus(settings.nudgeLinksValidFor())
                                    .atOffset(ZoneOffset.UTC)))
                            .execute();
                    if (deleted > 0) {
                        log.info("Deleted {} nudge links older than {}", deleted, settings.nudgeLinksValidFor());
                    }
                });
    }

    /**
     * @param nudgeLinksValidFor how long the private link of a nudge email works
     * @param retentionCheckInterval how often older ones are looked for
     */
    @ConfigurationProperties("firstpin.outputs")
    record Settings(@DefaultValue("90d") Duration nudgeLinksValidFor,
            @DefaultValue("1h") Duration retentionCheckInterval) {

        Settings {
            if (nudgeLinksValidFor.compareTo(Duration.ofDays(30)) < 0 || retentionCheckInterval.isNegative()
                    || retentionCheckInterval.isZero()) {
                throw new IllegalArgumentException("firstpin.outputs.nudge-links-valid-for must be at least 30 days, "
                        + "retention-check-interval positive");
            }
        }
    }
}
