package io.firstpin.history.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.firstpin.history.BulkImports;
import io.firstpin.history.ImportJobs;
import io.firstpin.platform.limits.UploadLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ImportJobConfiguration {

    static final String TASK = "history-import-jobs";
    static final String CLEANUP_TASK = "history-bulk-cleanup";

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

    /** Uploads are small everywhere else; these paths take the exports, and the bulk ones many of them. */
    @Bean
    UploadLimit bulkImportUploads(HistoryProperties properties) {
        return new UploadLimit("/api/v1/communities/*/imports", properties.uploadMaxRequestSize());
    }

    @Bean
    UploadLimit bulkImportPageUploads(HistoryProperties properties) {
        return new UploadLimit("/manage/*/communities/*/imports", properties.uploadMaxRequestSize());
    }

    @Bean
    UploadLimit importUploads() {
        return new UploadLimit("/api/v1/events/*/imports", UploadLimit.SINGLE_FILE);
    }

    @Bean
    UploadLimit importPageUploads() {
        return new UploadLimit("/manage/*/events/*/imports", UploadLimit.SINGLE_FILE);
    }

    /**
     * Uploads staff never started keep their files in the database; one instance a pass deletes those older than
     * {@code prepared-bulk-kept-for}, each under a lock on its job's row, so a job being started is never touched.
     */
    @Bean
    RecurringTask<Void> historyBulkCleanupTask(BulkImports bulk, HistoryProperties properties) {
        return Tasks.recurring(CLEANUP_TASK, FixedDelay.of(properties.cleanupInterval()))
                .execute((instance, context) -> {
                    try {
                        int deleted = bulk.discardAbandoned(properties.preparedBulkKeptFor());
                        if (deleted > 0) {
                            log.info("Deleted {} bulk import(s) uploaded more than {} ago and never started", deleted,
                                    properties.preparedBulkKeptFor());
                        }
                    } catch (RuntimeException e) {
                        log.warn("Deleting abandoned bulk imports failed; trying again in {}",
                                properties.cleanupInterval(), e);
                    }
                });
    }
}
