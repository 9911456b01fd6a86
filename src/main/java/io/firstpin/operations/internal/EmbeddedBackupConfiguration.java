package io.firstpin.operations.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EmbeddedBackupConfiguration {

    @Bean
    RecurringTask<Void> embeddedBackupTask(EmbeddedBackups backups, BackupProperties properties) {
        return Tasks.recurring(EmbeddedBackups.TASK, FixedDelay.of(properties.interval()))
                .execute((instance, context) -> backups.backUp());
    }
}
