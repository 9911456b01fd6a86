package io.firstpin.segment.internal;

import static io.firstpin.platform.db.Tables.SEGMENT_MESSAGE;
import static io.firstpin.platform.db.Tables.SEGMENT_MESSAGE_RECIPIENT;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The unsubscribe links of emails to segments sent before the preferences page (one row per recipient, with the
 * link's hash) are deleted {@code firstpin.segments.links-valid-for} after the email; the message itself, with its
 * counts, stays. A db-scheduler task, so one instance runs each pass.
 */
@Configuration(proxyBeanMethods = false)
class SegmentLinkRetention {

    static final String TASK = "segment-link-retention";

    private static final Logger log = LoggerFactory.getLogger(SegmentLinkRetention.class);

    @Bean
    RecurringTask<Void> segmentLinkRetentionTask(DSLContext db, Settings settings, Clock clock) {
        return Tasks.recurring(TASK, FixedDelay.of(settings.retentionCheckInterval()))
                .execute((instance, context) -> {
                    var sentBefore = clock.instant().minus(settings.linksValidFor()).atOffset(ZoneOffset.UTC);
                    int deleted = db.deleteFrom(SEGMENT_MESSAGE_RECIPIENT)
                            .where(SEGMENT_MESSAGE_RECIPIENT.SEGMENT_MESSAGE_ID.in(DSL.select(SEGMENT_MESSAGE.ID)
                                    .from(SEGMENT_MESSAGE).where(SEGMENT_MESSAGE.SENT_AT.lt(sentBefore))))
                            .execute();
                    if (deleted > 0) {
                        log.info("Deleted {} unsubscribe links of emails to segments", deleted);
                    }
                });
    }

    /**
     * @param linksValidFor how long the unsubscribe link of an email to a segment works
     * @param retentionCheckInterval how often older links are looked for
     */
    @ConfigurationProperties("firstpin.segments")
    record Settings(@DefaultValue("180d") Duration linksValidFor,
            @DefaultValue("1h") Duration retentionCheckInterval) {

        Settings {
            if (linksValidFor.compareTo(Duration.ofDays(30)) < 0 || retentionCheckInterval.isNegative()
                    || retentionCheckInterval.isZero()) {
                throw new IllegalArgumentException("firstpin.segments.links-valid-for must be at least 30 days, "
                        + "retention-check-interval positive");
            }
        }
    }
}
