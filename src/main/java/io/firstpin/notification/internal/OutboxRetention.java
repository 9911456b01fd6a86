package io.firstpin.notification.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sent (and given-up) emails are deleted {@code firstpin.mail.sent-kept-for} after they were sent: they hold recipients'
 * addresses and what was said to them, kept only as long as support may need them. A db-scheduler task, so one
 * instance runs each pass.
 */
@Configuration(proxyBeanMethods = false)
class OutboxRetention {

    static final String TASK = "notification-outbox-retention";

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

    @Bean
    RecurringTask<Void> outboxRetentionTask(Outbox outbox, MailProperties properties, Clock clock) {
        return Tasks.recurring(TASK, FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    int deleted = outbox.deleteOlderThan(clock.instant().minus(properties.sentKeptFor()));
                    if (deleted > 0) {
                        log.info("Deleted {} sent emails older than {}", deleted, properties.sentKeptFor());
                    }
                });
    }
}
