package io.firstpin.history;

import static io.firstpin.platform.db.Tables.HISTORY_IMPORT_JOB;

import io.firstpin.event.Events;
import io.firstpin.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports that run in the background: the staff page queues a large file and follows its progress. A job is claimed
 * by one instance with a conditional update, runs the same all-or-nothing import as the API, and keeps either the
 * counts or every problem for the page to show. The one task that runs queued imports runs the single files here and
 * then the bulk imports ({@link BulkImportRunner}); both go through the states of {@link ImportState}.
 */
@Service
public class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext db;
    private final HistoryImports imports;
    private final Events events;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final BulkImportRunner bulk;
    private final ColumnMappings mappings;

    ImportJobs(DSLContext db, HistoryImports imports, Events events, Clock clock,
            PlatformTransactionManager transactions, BulkImportRunner bulk, ColumnMappings mappings) {
        this.db = db;
        this.bulk = bulk;
        this.mappings = mappings;
        this.imports = imports;
        this.events = events;
        this.clock = clock;
        // progress is written in a transaction of its own, so the page sees it while the import's own is still open
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Queues the file for the event; answers the job's id. */
    @Transactional
    public long start(long organizationId, long eventId, ImportFormat format, String fileName, byte[] content) {
        return insert(organizationId, eventId, format, fileName, content, ImportState.QUEUED);
    }

    /** Keeps a generic CSV until its columns are mapped ({@link #startMapped}); answers the job's id. */
    @Transactional
    public long awaitMapping(long organizationId, long eventId, String fileName, byte[] content) {
        return insert(organizationId, eventId, ImportFormat.GENERIC, fileName, content, ImportState.MAPPING);
    }

    /**
     * The header and first rows of a file waiting for its mapping, with the mapping remembered for that header.
     *
     * @throws ImportRejected when the file is no CSV text at all
     */
    @Transactional(readOnly = true)
    public ColumnMappings.Preview preview(long organizationId, long eventId, long jobId, int rows) {
        var waiting = waitingForMapping(organizationId, eventId, jobId);
        long communityId = events.summary(eventId).orElseThrow().communityId();
        return mappings.preview(communityId, waiting.value1(), waiting.value2(), rows);
    }

    /**
     * Queues a file waiting for its mapping with the mapping chosen.
     *
     * @throws ImportRejected when the mapping does not fit the file's header; the file keeps waiting then
     */
    @Transactional
    public void startMapped(long organizationId, long eventId, long jobId, ColumnMapping mapping) {
        ColumnMappings.headerFitting(waitingForMapping(organizationId, eventId, jobId).value2(), mapping);
        db.update(HISTORY_IMPORT_JOB)
                .set(HISTORY_IMPORT_JOB.MAPPING, JSON.writeValueAsString(mapping))
                .set(HISTORY_IMPORT_JOB.STATE, ImportState.QUEUED.name())
                .where(HISTORY_IMPORT_JOB.ID.eq(jobId))
                .and(HISTORY_IMPORT_JOB.STATE.eq(ImportState.MAPPING.name()))
                .execute();
    }

    private Record2<String, byte[]> waitingForMapping(long organizationId, long eventId, long jobId) {
        return db.select(HISTORY_IMPORT_JOB.FILE_NAME, HISTORY_IMPORT_JOB.CONTENT).from(HISTORY_IMPORT_JOB)
                .where(HISTORY_IMPORT_JOB.ID.eq(jobId))
                .and(HISTORY_IMPORT_JOB.ORGANIZATION_ID.eq(organizationId))
                .and(HISTORY_IMPORT_JOB.EVENT_ID.eq(eventId))
                .and(HISTORY_IMPORT_JOB.STATE.eq(ImportState.MAPPING.name()))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("import", jobId));
    }

    private long insert(long organizationId, long eventId, ImportFormat format, String fileName, byte[] content,
            ImportState state) {
        events.summary(eventId).filter(e -> e.organizationId() == organizationId)
                .orElseThrow(() -> NotFoundException.of("event", eventId));
        return db.insertInto(HISTORY_IMPORT_JOB)
                .set(HISTORY_IMPORT_JOB.ORGANIZATION_ID, organizationId)
                .set(HISTORY_IMPORT_JOB.EVENT_ID, eventId)
                .set(HISTORY_IMPORT_JOB.FORMAT, format.apiName())
                .set(HISTORY_IMPORT_JOB.FILE_NAME, fileName == null || fileName.isBlank() ? "upload.csv"
                        : fileName.length() > 255 ? fileName.substring(0, 255) : fileName)
                .set(HISTORY_IMPORT_JOB.CONTENT, content)
                .set(HISTORY_IMPORT_JOB.STATE, state.name())
                .set(HISTORY_IMPORT_JOB.CREATED_AT, at(clock.instant()))
                .returningResult(HISTORY_IMPORT_JOB.ID)
                .fetchOne(HISTORY_IMPORT_JOB.ID);
    }

    /** Runs every queued job, oldest first, single files and then bulk imports; answers how many ran here. */
    public int runQueued() {
        return runQueuedFiles() + bulk.runQueued();
    }

    private int runQueuedFiles() {
        int ran = 0;
        for (long id : db.select(HISTORY_IMPORT_JOB.ID).from(HISTORY_IMPORT_JOB)
                .where(HISTORY_IMPORT_JOB.STATE.eq(ImportState.QUEUED.name()))
                .orderBy(HISTORY_IMPORT_JOB.ID).fetch(HISTORY_IMPORT_JOB.ID)) {
            if (claim(id)) {
                run(id);
                ran++;
            }
        }
        return ran;
    }

    /** The organization's job, as the page shows it. */
    @Transactional(readOnly = true)
    public ImportJob find(long organizationId, long eventId, long jobId) {
        return db.select(HISTORY_IMPORT_JOB.ID, HISTORY_IMPORT_JOB.FILE_NAME, HISTORY_IMPORT_JOB.STATE,
                        HISTORY_IMPORT_JOB.STAGE, HISTORY_IMPORT_JOB.RESULT)
                .from(HISTORY_IMPORT_JOB)
                .where(HISTORY_IMPORT_JOB.ID.eq(jobId))
                .and(HISTORY_IMPORT_JOB.ORGANIZATION_ID.eq(organizationId))
                .and(HISTORY_IMPORT_JOB.EVENT_ID.eq(eventId))
                .fetchOptional(row -> job(row.value1(), row.value2(), ImportState.valueOf(row.value3()),
                        row.value4() == null ? null : ImportStage.valueOf(row.value4()), row.value5()))
                .orElseThrow(() -> NotFoundException.of("import", jobId));
    }

    private boolean claim(long id) {
        return db.update(HISTORY_IMPORT_JOB)
                .set(HISTORY_IMPORT_JOB.STATE, ImportState.RUNNING.name())
                .where(HISTORY_IMPORT_JOB.ID.eq(id))
                .and(HISTORY_IMPORT_JOB.STATE.eq(ImportState.QUEUED.name()))
                .execute() == 1;
    }

    private void run(long id) {
        var job = db.selectFrom(HISTORY_IMPORT_JOB).where(HISTORY_IMPORT_JOB.ID.eq(id)).fetchOne();
        ImportFormat format = ImportFormat.fromName(job.getFormat()).orElseThrow();
        try {
            ColumnMapping mapping = job.getMapping() == null ? null
                    : JSON.readValue(job.getMapping(), ColumnMapping.class);
            ImportSummary summary = imports.importFile(job.getOrganizationId(), job.getEventId(), format, mapping,
                    job.getFileName(), job.getContent(), (stage, rows) -> ownTransaction.executeWithoutResult(status ->
                            db.update(HISTORY_IMPORT_JOB).set(HISTORY_IMPORT_JOB.STAGE, stage.name())
                                    .where(HISTORY_IMPORT_JOB.ID.eq(id)).execute()));
            finish(id, ImportState.DONE, Map.of("summary", summary));
        } catch (ImportRejected rejected) {
            finish(id, ImportState.REJECTED, Map.of("problems", rejected.problems(),
                    "encoding", rejected.encoding().orElse("")));
        } catch (RuntimeException failed) {
            log.error("Import job {} failed", id, failed);
            finish(id, ImportState.FAILED, Map.of());
        }
    }

    private void finish(long id, ImportState state, Map<String, Object> result) {
        db.update(HISTORY_IMPORT_JOB)
                .set(HISTORY_IMPORT_JOB.STATE, state.name())
                .set(HISTORY_IMPORT_JOB.RESULT, JSON.writeValueAsString(result))
                // the original is kept with the import itself when it succeeds; the job's copy has served
                .set(HISTORY_IMPORT_JOB.CONTENT, new byte[0])
                .set(HISTORY_IMPORT_JOB.FINISHED_AT, at(clock.instant()))
                .where(HISTORY_IMPORT_JOB.ID.eq(id))
                .execute();
    }

    private static ImportJob job(long id, String fileName, ImportState state, ImportStage stage, String result) {
        if (result == null) {
            return new ImportJob(id, fileName, state, stage, null, List.of(), null);
        }
        Stored stored = JSON.readValue(result, new TypeReference<Stored>() {
        });
        return new ImportJob(id, fileName, state, stage, stored.summary(),
                stored.problems() == null ? List.of() : stored.problems(),
                stored.encoding() == null || stored.encoding().isEmpty() ? null : stored.encoding());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Stored(ImportSummary summary, List<ImportProblem> problems, String encoding) {
    }
}
