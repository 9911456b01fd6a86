package io.firstpin.history.internal;

import static io.firstpin.platform.db.Tables.HISTORY_BULK_FILE;
import static io.firstpin.platform.db.Tables.HISTORY_BULK_JOB;
import static io.firstpin.platform.db.Tables.HISTORY_IMPORT;
import static io.firstpin.platform.db.Tables.HISTORY_IMPORT_JOB;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Uploaded original files (connpass, Doorkeeper, Meetup and generic exports) hold every registrant's name and often
 * their email; they are kept for audit and re-processing {@code firstpin.history.files-kept-for} after the import
 * finished, then emptied: the import's counts, its file name and SHA-256 (so the same file again still answers the
 * same counts) and the imported rows stay. A db-scheduler task, so one instance runs each pass.
 */
@Configuration(proxyBeanMethods = false)
class FileRetention {

    static final String TASK = "history-file-retention";

    private static final Logger log = LoggerFactory.getLogger(FileRetention.class);

    @Bean
    RecurringTask<Void> historyFileRetentionTask(UploadedFiles files, Settings settings, Clock clock) {
        return Tasks.recurring(TASK, FixedDelay.of(settings.retentionCheckInterval()))
                .execute((instance, context) -> {
                    int emptied = files.emptyFinishedBefore(clock.instant().minus(settings.filesKeptFor()));
                    if (emptied > 0) {
                        log.info("Emptied {} uploaded files imported more than {} ago", emptied,
                                settings.filesKeptFor());
                    }
                });
    }

    /**
     * @param filesKeptFor how long an uploaded original file is kept after its import finished
     * @param retentionCheckInterval how often files past it are looked for
     */
    @ConfigurationProperties("firstpin.history")
    record Settings(@DefaultValue("180d") Duration filesKeptFor, @DefaultValue("1h") Duration retentionCheckInterval) {

        Settings {
            if (filesKeptFor.isNegative() || retentionCheckInterval.isNegative() || retentionCheckInterval.isZero()) {
                throw new IllegalArgumentException("firstpin.history.files-kept-for and retention-check-interval "
                        + "must be positive");
            }
        }
    }

    /** The statements, one per table of uploaded files. */
    @Component
    static class UploadedFiles {

        private static final byte[] NONE = new byte[0];

        private final DSLContext db;

        UploadedFiles(DSLContext db) {
            this.db = db;
        }

        /** Empties the files of imports and jobs finished before the time; answers how many. */
        int emptyFinishedBefore(Instant before) {
            OffsetDateTime cutoff = before.atOffset(ZoneOffset.UTC);
            int emptied = db.update(HISTORY_IMPORT).set(HISTORY_IMPORT.CONTENT, NONE)
                    .where(HISTORY_IMPORT.IMPORTED_AT.lt(cutoff))
                    .and(notEmpty(HISTORY_IMPORT.CONTENT))
                    .execute();
            emptied += db.update(HISTORY_IMPORT_JOB).set(HISTORY_IMPORT_JOB.CONTENT, NONE)
                    .where(HISTORY_IMPORT_JOB.FINISHED_AT.lt(cutoff))
                    .and(notEmpty(HISTORY_IMPORT_JOB.CONTENT))
                    .execute();
            emptied += db.update(HISTORY_BULK_FILE).set(HISTORY_BULK_FILE.CONTENT, NONE)
                    .where(HISTORY_BULK_FILE.JOB_ID.in(DSL.select(HISTORY_BULK_JOB.ID).from(HISTORY_BULK_JOB)
                            .where(HISTORY_BULK_JOB.FINISHED_AT.lt(cutoff))))
                    .and(notEmpty(HISTORY_BULK_FILE.CONTENT))
                    .execute();
            return emptied;
        }

        /** Measured, not compared with an empty value: H2 cannot compare a bound binary value in PostgreSQL mode. */
        private static Condition notEmpty(Field<byte[]> content) {
            return DSL.condition("octet_length({0}) > 0", content);
        }
    }
}
