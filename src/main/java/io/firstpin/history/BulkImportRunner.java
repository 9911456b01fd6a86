package io.firstpin.history;

import static io.firstpin.history.BulkJobRows.at;
import static io.firstpin.platform.db.Tables.HISTORY_BULK_FILE;
import static io.firstpin.platform.db.Tables.HISTORY_BULK_JOB;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.history.internal.HistoryProperties;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs queued bulk imports file by file, each file applied whole or not at all in a transaction of its own, its
 * progress and outcome written as it goes; fails the running ones that stopped moving on.
 */
@Component
class BulkImportRunner {

    private static final Logger log = LoggerFactory.getLogger(BulkImportRunner.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext db;
    private final HistoryImports imports;
    private final Communities communities;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final HistoryProperties properties;

    BulkImportRunner(DSLContext db, HistoryImports imports, Communities communities, Clock clock,
            PlatformTransactionManager transactions, HistoryProperties properties) {
        this.db = db;
        this.imports = imports;
        this.communities = communities;
        this.clock = clock;
        this.properties = properties;
        // progress is written in a transaction of its own, so the page sees it while a file's own is still open
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Fails the running jobs that stopped moving on, then runs every queued job, oldest first, file by file; answers
     * how many jobs ran here.
     */
    int runQueued() {
        OffsetDateTime stalledBefore = at(clock.instant().minus(properties.stalledAfter()));
        int stalled = db.update(HISTORY_BULK_JOB)
                .set(HISTORY_BULK_JOB.STATE, ImportState.FAILED.name())
                .set(HISTORY_BULK_JOB.FINISHED_AT, at(clock.instant()))
                .setNull(HISTORY_BULK_JOB.RUNNING_ORGANIZATION_ID)
                .where(HISTORY_BULK_JOB.STATE.eq(ImportState.RUNNING.name()))
                .and(HISTORY_BULK_JOB.PROGRESS_AT.lt(stalledBefore)
                        .or(HISTORY_BULK_JOB.PROGRESS_AT.isNull().and(HISTORY_BULK_JOB.CREATED_AT.lt(stalledBefore))))
                .execute();
        if (stalled > 0) {
            log.warn("{} bulk import job(s) stopped moving on for {} and were failed", stalled,
                    properties.stalledAfter());
        }
        int ran = 0;
        for (long id : db.select(HISTORY_BULK_JOB.ID).from(HISTORY_BULK_JOB)
                .where(HISTORY_BULK_JOB.STATE.eq(ImportState.QUEUED.name()))
                .orderBy(HISTORY_BULK_JOB.ID).fetch(HISTORY_BULK_JOB.ID)) {
            boolean claimed = db.update(HISTORY_BULK_JOB).set(HISTORY_BULK_JOB.STATE, ImportState.RUNNING.name())
                    .set(HISTORY_BULK_JOB.PROGRESS_AT, at(clock.instant()))
                    .where(HISTORY_BULK_JOB.ID.eq(id)).and(HISTORY_BULK_JOB.STATE.eq(ImportState.QUEUED.name()))
                    .execute() == 1;
            if (claimed) {
                run(id);
                ran++;
            }
        }
        return ran;
    }

    private void run(long jobId) {
        var job = db.selectFrom(HISTORY_BULK_JOB).where(HISTORY_BULK_JOB.ID.eq(jobId)).fetchOne();
        try {
            Community community = communities.inOrganization(job.getOrganizationId(), job.getCommunityId());
            for (int position : db.select(HISTORY_BULK_FILE.POSITION).from(HISTORY_BULK_FILE)
                    .where(HISTORY_BULK_FILE.JOB_ID.eq(jobId))
                    .and(HISTORY_BULK_FILE.STATE.eq(ImportState.QUEUED.name()))
                    .orderBy(HISTORY_BULK_FILE.POSITION).fetch(HISTORY_BULK_FILE.POSITION)) {
                runFile(community, jobId, position);
            }
            finish(jobId, ImportState.DONE);
        } catch (RuntimeException failed) {
            log.error("Bulk import job {} failed", jobId, failed);
            finish(jobId, ImportState.FAILED);
        }
    }

    private void runFile(Community community, long jobId, int position) {
        var file = db.selectFrom(HISTORY_BULK_FILE).where(HISTORY_BULK_FILE.JOB_ID.eq(jobId))
                .and(HISTORY_BULK_FILE.POSITION.eq(position)).fetchOne();
        ImportFormat format = ImportFormat.fromName(file.getFormat()).orElseThrow();
        ColumnMapping mapping = file.getMapping() == null ? null : JSON.readValue(file.getMapping(), ColumnMapping.class);
        // a few writes per file, one as each stage begins; the rows are known from the second on
        ImportProgress progress = (stage, rows) -> ownTransaction.executeWithoutResult(status ->
                db.update(HISTORY_BULK_JOB).set(HISTORY_BULK_JOB.FILE_AT, position)
                        .set(HISTORY_BULK_JOB.STAGE, stage.name())
                        .set(HISTORY_BULK_JOB.FILE_ROWS, rows)
                        .set(HISTORY_BULK_JOB.PROGRESS_AT, at(clock.instant()))
                        .where(HISTORY_BULK_JOB.ID.eq(jobId)).execute());
        ImportState state;
        BulkFileOutcome result;
        try {
            HistoryImports.IntoEvent done = file.getEventId() != null
                    ? new HistoryImports.IntoEvent(file.getEventId(), imports.importFile(community.organizationId(),
                            file.getEventId(), format, mapping, file.getFileName(), file.getContent(), progress),
                            false)
                    : imports.importIntoNewEvent(community, file.getNewTitle(), file.getNewStartsAt().toInstant(),
                            format, mapping, file.getFileName(), file.getContent(), progress);
            state = ImportState.DONE;
            result = BulkFileOutcome.imported(done);
        } catch (ImportRejected rejected) {
            state = ImportState.REJECTED;
            result = BulkFileOutcome.rejected(rejected);
        } catch (RuntimeException failed) {
            log.error("File {} of bulk import job {} failed", position, jobId, failed);
            state = ImportState.FAILED;
            result = BulkFileOutcome.NONE;
        }
        db.update(HISTORY_BULK_FILE)
                .set(HISTORY_BULK_FILE.STATE, state.name())
                .set(HISTORY_BULK_FILE.RESULT, result.json())
                .set(HISTORY_BULK_FILE.EVENT_ID, result.eventId() != null ? result.eventId() : file.getEventId())
                // the original is kept with the import itself when it succeeds; the job's copy has served
                .set(HISTORY_BULK_FILE.CONTENT, new byte[0])
                .where(HISTORY_BULK_FILE.JOB_ID.eq(jobId))
                .and(HISTORY_BULK_FILE.POSITION.eq(position))
                .execute();
        db.update(HISTORY_BULK_JOB).set(HISTORY_BULK_JOB.PROGRESS_AT, at(clock.instant()))
                .where(HISTORY_BULK_JOB.ID.eq(jobId)).execute();
    }

    private void finish(long jobId, ImportState state) {
        db.update(HISTORY_BULK_JOB)
                .set(HISTORY_BULK_JOB.STATE, state.name())
                .set(HISTORY_BULK_JOB.FINISHED_AT, at(clock.instant()))
                .setNull(HISTORY_BULK_JOB.RUNNING_ORGANIZATION_ID)
                .where(HISTORY_BULK_JOB.ID.eq(jobId))
                .execute();
    }
}
