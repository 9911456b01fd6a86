package io.firstpin.history.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.firstpin.history.ImportJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ImportJobConfiguration {

    static final String TASK = "history-import-jobs";

    private static final Logger log = LoggerFactory.getLogger(ImportJobConfiguration.class);

    /** One instance runs each pass, and each job is claimed by a conditional update, so no file is imported twice. */
    @Bean
    RecurringTask<Void> historyImportJobsTask(ImportJobs jobs, HistoryProperties properties) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.jobCheckInterval()))
                .execute((instance, context) -> {
                    try {
                        jobs.runQueued();
                    } catch (RuntimeException e) {
                        log.warn("Running queued imports failed; trying again in {}", properties.jobCheckInterval(), e);
                    }
                });
    }
}
