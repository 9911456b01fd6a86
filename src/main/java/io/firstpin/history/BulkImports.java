package io.firstpin.history;

import static io.firstpin.history.BulkJobRows.at;
import static io.firstpin.platform.db.Tables.HISTORY_BULK_FILE;
import static io.firstpin.platform.db.Tables.HISTORY_BULK_JOB;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.event.Event;
import io.firstpin.event.Events;
import io.firstpin.history.internal.HistoryProperties;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two years of a community's history in one go: many exports (files or a zip) imported by one background job. Each
 * file goes into an existing event of the community or into one created from the title and start given for it; each
 * is applied whole or not at all in a transaction of its own (its event created only when it imports, by
 * {@link BulkImportRunner}), so a broken file is refused with its problems while the others still import. Staff upload
 * first and see each file with its site, encoding and a proposed event ({@link BulkProposals}, the job
 * {@link ImportState#PREPARED}), then choose and start; the API gives the choices with the files. A generic CSV starts
 * only with a column mapping that fits its header, given with it or remembered for the header in the community. A job
 * never started is deleted after a while ({@link #discardAbandoned}) or when staff discard it. An organization has one
 * job queued or running at a time, kept so by a unique key on the job rows, whatever the instance; a running job that
 * stops moving on (its instance died) is failed after a while, freeing the organization.
 */
@Service
public class BulkImports {

    static final int MAX_FILES = 500;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext db;
    private final Events events;
    private final Communities communities;
    private final ColumnMappings mappings;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final HistoryProperties properties;
    private final BulkJobRows rows;

    BulkImports(DSLContext db, Events events, Communities communities, ColumnMappings mappings, Clock clock,
            PlatformTransactionManager transactions, HistoryProperties properties, BulkJobRows rows) {
        this.db = db;
        this.events = events;
        this.communities = communities;
        this.mappings = mappings;
        this.clock = clock;
        this.properties = properties;
        this.rows = rows;
        // each abandoned job is deleted in a transaction of its own, so one that fails leaves the others to go
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** An empty upload with the configured budget, for the files of one request; the caller closes it. */
    public BulkUpload upload() {
        return BulkUpload.open(properties.uploadBudget());
    }

    /**
     * Keeps the uploaded files for staff to choose each one's event; answers the job's id. The files are read one at
     * a time, so a spooled upload is never in memory whole.
     */
    @Transactional
    public long prepare(long organizationId, long communityId, List<UploadedFile> files) {
        communities.inOrganization(organizationId, communityId);
        if (files.isEmpty()) {
            throw InvalidInputException.of("files", "history.bulk.no-files");
        }
        if (files.size() > MAX_FILES) {
            throw InvalidInputException.of("files", "history.upload.too-many", MAX_FILES);
        }
        long job = db.insertInto(HISTORY_BULK_JOB)
                .set(HISTORY_BULK_JOB.ORGANIZATION_ID, organizationId)
                .set(HISTORY_BULK_JOB.COMMUNITY_ID, communityId)
                .set(HISTORY_BULK_JOB.STATE, ImportState.PREPARED.name())
                .set(HISTORY_BULK_JOB.CREATED_AT, at(clock.instant()))
                .returningResult(HISTORY_BULK_JOB.ID)
                .fetchOne(HISTORY_BULK_JOB.ID);
        for (int i = 0; i < files.size(); i++) {
            UploadedFile file = files.get(i);
            db.insertInto(HISTORY_BULK_FILE)
                    .set(HISTORY_BULK_FILE.JOB_ID, job)
                    .set(HISTORY_BULK_FILE.POSITION, i + 1)
                    .set(HISTORY_BULK_FILE.FILE_NAME, shortened(file.name(), 500))
                    .set(HISTORY_BULK_FILE.CONTENT, file.content())
                    .set(HISTORY_BULK_FILE.STATE, ImportState.QUEUED.name())
                    .execute();
        }
        return job;
    }

    /**
     * Starts a prepared job with the choice made for each of its files. Each generic file is read with the mapping given for it, or given for another file of the job with the same
     * header, or remembered for its header in the community; the mapping is kept with the file.
     *
     * @throws InvalidInputException when a file has no choice, no site, or an event neither chosen nor described
     * @throws UnmappedFiles when a generic file has no mapping, or one that does not fit its header
     * @throws NotFoundException when a chosen event is not the community's, or the job is not (or no longer) there
     */
    @Transactional
    public void start(long organizationId, long communityId, long jobId, List<BulkChoice> choices) {
        Community community = communities.inOrganization(organizationId, communityId);
        // the lock keeps the cleanup from deleting the job while it starts
        rows.requirePrepared(organizationId, communityId, jobId, true);
        List<Integer> positions = db.select(HISTORY_BULK_FILE.POSITION).from(HISTORY_BULK_FILE)
                .where(HISTORY_BULK_FILE.JOB_ID.eq(jobId)).orderBy(HISTORY_BULK_FILE.POSITION)
                .fetch(HISTORY_BULK_FILE.POSITION);
        Map<Integer, BulkChoice> byPosition = new HashMap<>();
        choices.forEach(c -> byPosition.put(c.position(), c));
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        for (int position : positions) {
            BulkChoice choice = byPosition.get(position);
            String field = "files[" + position + "]";
            if (choice == null || choice.format() == null) {
                problems.add(new InvalidInputException.FieldProblem(field, "history.bulk.format-required",
                        List.of(ImportFormat.names())));
            } else if (choice.eventId() != null) {
                Event event = events.inOrganization(organizationId, choice.eventId());
                if (event.communityId() != community.id()) {
                    throw NotFoundException.of("event", choice.eventId());
                }
            } else if (choice.title() == null || choice.title().isBlank() || choice.startsAt() == null) {
                problems.add(new InvalidInputException.FieldProblem(field, "history.bulk.event-required", List.of()));
            } else if (choice.title().strip().length() > 200) {
                problems.add(new InvalidInputException.FieldProblem(field, "validation.too-long", List.of(200)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<Integer, ColumnMapping> mapped = mappingsOf(community, jobId, byPosition);
        try {
            db.update(HISTORY_BULK_JOB).set(HISTORY_BULK_JOB.STATE, ImportState.QUEUED.name())
                    .set(HISTORY_BULK_JOB.RUNNING_ORGANIZATION_ID, organizationId)
                    .where(HISTORY_BULK_JOB.ID.eq(jobId)).execute();
        } catch (DuplicateKeyException anotherIsQueuedOrRunning) {
            throw new ConflictException("files", "history.bulk.one-at-a-time");
        }
        for (int position : positions) {
            BulkChoice choice = byPosition.get(position);
            ColumnMapping mapping = mapped.get(position);
            db.update(HISTORY_BULK_FILE)
                    .set(HISTORY_BULK_FILE.FORMAT, choice.format().apiName())
                    .set(HISTORY_BULK_FILE.MAPPING, mapping == null ? null : JSON.writeValueAsString(mapping))
                    .set(HISTORY_BULK_FILE.EVENT_ID, choice.eventId())
                    .set(HISTORY_BULK_FILE.NEW_TITLE, choice.eventId() == null ? choice.title().strip() : null)
                    .set(HISTORY_BULK_FILE.NEW_STARTS_AT, choice.eventId() == null ? at(choice.startsAt()) : null)
                    .where(HISTORY_BULK_FILE.JOB_ID.eq(jobId))
                    .and(HISTORY_BULK_FILE.POSITION.eq(position))
                    .execute();
        }
    }

    /**
     * The mapping of each generic file of the job, by position.
     *
     * @throws UnmappedFiles naming every generic file without a mapping that fits its header
     */
    private Map<Integer, ColumnMapping> mappingsOf(Community community, long jobId, Map<Integer, BulkChoice> choices) {
        List<Integer> generic = choices.values().stream().filter(c -> c.format() == ImportFormat.GENERIC)
                .map(BulkChoice::position).toList();
        if (generic.isEmpty()) {
            return Map.of();
        }
        // a file that is no CSV text at all has no header to map; its import refuses it with its problems
        Map<Integer, GenericFile> files = new TreeMap<>();
        db.select(HISTORY_BULK_FILE.POSITION, HISTORY_BULK_FILE.FILE_NAME, HISTORY_BULK_FILE.CONTENT)
                .from(HISTORY_BULK_FILE)
                .where(HISTORY_BULK_FILE.JOB_ID.eq(jobId))
                .and(HISTORY_BULK_FILE.POSITION.in(generic))
                .forEach(row -> ColumnMappings.header(row.value3()).ifPresent(header ->
                        files.put(row.value1(), new GenericFile(row.value2(), header))));
        // a mapping given for one file serves every file of the job with the same header, as a remembered one would
        Map<String, ColumnMapping> givenByHeader = new HashMap<>();
        files.forEach((position, file) -> {
            ColumnMapping given = choices.get(position).mapping();
            if (given != null) {
                givenByHeader.putIfAbsent(ColumnMappings.key(file.header()), given);
            }
        });
        Map<Integer, ColumnMapping> mapped = new HashMap<>();
        List<UnmappedFiles.UnmappedFile> unmapped = new ArrayList<>();
        files.forEach((position, file) -> {
            Optional<ColumnMapping> mapping = Optional.ofNullable(choices.get(position).mapping())
                    .or(() -> Optional.ofNullable(givenByHeader.get(ColumnMappings.key(file.header()))))
                    .or(() -> mappings.remembered(community.id(), file.header()));
            List<ImportProblem> problems = mapping
                    .map(m -> m.problemsWith(file.header()))
                    .orElse(List.of(ImportProblem.ofFile(UnmappedFiles.MAPPING_REQUIRED, file.name())));
            if (problems.isEmpty()) {
                mapped.put(position, mapping.orElseThrow());
            } else {
                unmapped.add(new UnmappedFiles.UnmappedFile(position, file.name(), problems));
            }
        });
        if (!unmapped.isEmpty()) {
            throw new UnmappedFiles(unmapped);
        }
        return mapped;
    }

    /**
     * The header and first rows of a prepared file, with the mapping remembered for its header: the mapping step of a
     * generic file.
     *
     * @throws ImportRejected when the file is no CSV text at all
     */
    @Transactional(readOnly = true)
    public ColumnMappings.Preview preview(long organizationId, long communityId, long jobId, int position, int rows) {
        var file = preparedFile(organizationId, communityId, jobId, position, false);
        return mappings.preview(communityId, file.value1(), file.value2(), rows);
    }

    /**
     * Remembers the mapping for the header of a prepared file in the community, so that every file with that header,
     * in this job and later ones, is read with it.
     *
     * @throws ImportRejected when the mapping does not fit the file's header; nothing is remembered then
     */
    @Transactional
    public void map(long organizationId, long communityId, long jobId, int position, ColumnMapping mapping) {
        var file = preparedFile(organizationId, communityId, jobId, position, true);
        mappings.remember(communityId, ColumnMappings.headerFitting(file.value2(), mapping), mapping);
    }

    /**
     * Deletes a prepared job and its files: staff decided not to import them.
     *
     * @throws NotFoundException when the job is not the organization's in the community
     * @throws InvalidInputException when the job has started already
     */
    @Transactional
    public void discard(long organizationId, long communityId, long jobId) {
        rows.requirePrepared(organizationId, communityId, jobId, true);
        rows.delete(jobId);
    }

    /**
     * Deletes the jobs uploaded longer than {@code keptFor} ago and never started, files and all, each in a
     * transaction of its own under a lock on its row; a job started meanwhile is left alone. Answers how many went.
     */
    public int discardAbandoned(Duration keptFor) {
        OffsetDateTime before = at(clock.instant().minus(keptFor));
        int deleted = 0;
        for (long id : db.select(HISTORY_BULK_JOB.ID).from(HISTORY_BULK_JOB)
                .where(HISTORY_BULK_JOB.STATE.eq(ImportState.PREPARED.name()))
                .and(HISTORY_BULK_JOB.CREATED_AT.lt(before))
                .orderBy(HISTORY_BULK_JOB.ID).fetch(HISTORY_BULK_JOB.ID)) {
            boolean gone = Boolean.TRUE.equals(ownTransaction.execute(status -> {
                boolean stillAbandoned = db.select(HISTORY_BULK_JOB.ID).from(HISTORY_BULK_JOB)
                        .where(HISTORY_BULK_JOB.ID.eq(id))
                        .and(HISTORY_BULK_JOB.STATE.eq(ImportState.PREPARED.name()))
                        .and(HISTORY_BULK_JOB.CREATED_AT.lt(before))
                        .forUpdate()
                        .fetchOptional().isPresent();
                if (stillAbandoned) {
                    rows.delete(id);
                }
                return stillAbandoned;
            }));
            deleted += gone ? 1 : 0;
        }
        return deleted;
    }

    /**
     * Keeps the files and their choices and queues them at once, as the API does; answers the job's id. A file given
     * no site is recognized by its header.
     */
    @Transactional
    public long queue(long organizationId, long communityId, List<UploadedFile> files, List<BulkChoice> choices) {
        long job = prepare(organizationId, communityId, files);
        List<BulkChoice> completed = new ArrayList<>();
        for (BulkChoice choice : choices) {
            if (choice.format() == null && choice.mapping() != null) {
                completed.add(choice.withFormat(ImportFormat.GENERIC));
            } else if (choice.format() == null && choice.position() >= 1 && choice.position() <= files.size()) {
                Optional<ImportFormat> recognized = recognize(files.get(choice.position() - 1).content());
                completed.add(recognized.map(choice::withFormat).orElse(choice));
            } else {
                completed.add(choice);
            }
        }
        start(organizationId, communityId, job, completed);
        return job;
    }

    /** The organization's job in the community, as the page and the API show it. */
    @Transactional(readOnly = true)
    public BulkJob find(long organizationId, long communityId, long jobId) {
        var job = db.selectFrom(HISTORY_BULK_JOB)
                .where(HISTORY_BULK_JOB.ID.eq(jobId))
                .and(HISTORY_BULK_JOB.ORGANIZATION_ID.eq(organizationId))
                .and(HISTORY_BULK_JOB.COMMUNITY_ID.eq(communityId))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("import", jobId));
        List<BulkFileResult> files = db.select(HISTORY_BULK_FILE.POSITION, HISTORY_BULK_FILE.FILE_NAME,
                        HISTORY_BULK_FILE.FORMAT, HISTORY_BULK_FILE.EVENT_ID, HISTORY_BULK_FILE.NEW_TITLE,
                        HISTORY_BULK_FILE.STATE, HISTORY_BULK_FILE.RESULT)
                .from(HISTORY_BULK_FILE)
                .where(HISTORY_BULK_FILE.JOB_ID.eq(jobId))
                .orderBy(HISTORY_BULK_FILE.POSITION)
                .fetch(row -> fileResult(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
                        ImportState.valueOf(row.value6()), BulkFileOutcome.read(row.value7())));
        return new BulkJob(job.getId(), ImportState.valueOf(job.getState()), job.getFileAt(),
                job.getStage() == null ? null : ImportStage.valueOf(job.getStage()), job.getFileRows(), files);
    }

    /** The site whose export the bytes are, when their header says so. */
    public static Optional<ImportFormat> recognize(byte[] content) {
        try {
            return ImportFormat.recognize(CsvTable.parse(DecodedText.decode(content).text()).header());
        } catch (ImportRejected unreadable) {
            return Optional.empty();
        }
    }

    /** The name and content of a file of a prepared job. */
    private Record2<String, byte[]> preparedFile(long organizationId, long communityId, long jobId, int position,
            boolean lock) {
        communities.inOrganization(organizationId, communityId);
        rows.requirePrepared(organizationId, communityId, jobId, lock);
        return db.select(HISTORY_BULK_FILE.FILE_NAME, HISTORY_BULK_FILE.CONTENT).from(HISTORY_BULK_FILE)
                .where(HISTORY_BULK_FILE.JOB_ID.eq(jobId))
                .and(HISTORY_BULK_FILE.POSITION.eq(position))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("file", position));
    }

    private static BulkFileResult fileResult(int position, String fileName, String format, Long eventId,
            String newTitle, ImportState state, BulkFileOutcome stored) {
        return new BulkFileResult(position, fileName,
                format == null ? null : ImportFormat.fromName(format).orElse(null), eventId, newTitle, state,
                stored.eventCreated(), stored.summary(), stored.problems() == null ? List.of() : stored.problems(),
                stored.encoding());
    }

    private static String shortened(String name, int max) {
        String value = name == null || name.isBlank() ? "upload.csv" : name.strip();
        return value.length() > max ? value.substring(0, max) : value;
    }

    private record GenericFile(String name, List<String> header) {
    }
}
