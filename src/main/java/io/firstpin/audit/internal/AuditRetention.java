package io.firstpin.audit.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.firstpin.audit.AuditLog;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deletes audit entries older than {@code firstpin.audit.kept-for} (two years by default), once a day; db-scheduler
 * lets one instance of a cluster run each pass.
 */
@Configuration(proxyBeanMethods = false)
class AuditRetention {

    static final String TASK = "audit-retention";

    @Bean
    RecurringTask<Void> auditRetentionTask(AuditLog log,
            @Value("${firstpin.audit.kept-for:730d}") Duration keptFor) {
        return Tasks.recurring(TASK, FixedDelay.of(Duration.ofDays(1)))
                .execute((instance, context) -> log.forgetOlderThan(keptFor));
    }
}
