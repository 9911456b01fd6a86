package io.firstpin.history;

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
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two years of a community's history in one go: many exports (files or a zip) imported by one background job. Each
 * file goes into an existing event of the community or into one created from the title and start given for it; each
 * is applied whole or not at all in a transaction of its own (its event created only when it imports), so a broken
 * file is refused with its problems while the others still import. Staff upload first and see each file with its
 * site, encoding and a proposed event (PREPARED), then choose and start; the API gives the choices with the files.
 * A generic CSV starts only with a column mapping that fits its header, given with it or remembered for the header in
 * the community. A job never started is deleted after a while ({@link #discardAbandoned}) or when staff discard it.
 * An organization has one job queued or running at a time, kept so by a unique key on the job rows, whatever the
 * instance; a running job that stops moving on (its instance died) is failed after a while, freeing the organization.
 */
@Service
public class BulkImports {

    static final int MAX_FILES = 500;

    private static final Logger log = LoggerFactory.getLogger(BulkImports.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CONNPASS_FILE = Pattern.compile("event_(\\d+)_participants", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile("(20\\d\\d)[-_./]?(\\d\\d)[-_./]?(\\d\\d)");
    private static final int HISTORY_HOUR = 19;

    public enum State { PREPARED, QUEUED, RUNNING, DONE, FAILED }

    public enum FileState { QUEUED, DONE, REJECTED, FAILED }

    private final DSLContext db;
    private final HistoryImports imports;
    private final Events events;
    private final Communities communities;
    private final ColumnMappings mappings;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final HistoryProperties properties;

    BulkImports(DSLContext db, HistoryImports imports, Events events, Communities communities,
            ColumnMappings mappings, Clock clock, PlatformTransactionManager transactions,
            HistoryProperties properties) {
        this.db = db;
        this.properties = properties;
        this.mappings = mappings;
        this.imports = imports;
        this.events = events;
        this.communities = communities;
        this.clock = clock;
        // progress is written in a transaction of its own, so the page sees it while a file's own is still open
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
                .set(HISTORY_BULK_JOB.STATE, State.PREPARED.name())
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
                    .set(HISTORY_BULK_FILE.STATE, FileState.QUEUED.name())
                    .execute();
        }
        return job;
    }

    /** Each prepared file as read, with the event proposed for it: the step where staff choose. */
    @Transactional(readOnly = true)
    public List<Proposal> proposals(long organizationId, long communityId, long jobId) {
        Community community = communities.inOrganization(organizationId, communityId);
        requirePrepared(organizationId, communityId, jobId, false);
        List<Event> known = eventsOf(community);
        List<Proposal> proposals = new ArrayList<>();
        db.select(HISTORY_BULK_FILE.POSITION, HISTORY_BULK_FILE.FILE_NAME, HISTORY_BULK_FILE.CONTENT)
                .from(HISTORY_BULK_FILE)
                .where(HISTORY_BULK_FILE.JOB_ID.eq(jobId))
                .orderBy(HISTORY_BULK_FILE.POSITION)
                .forEach(row -> proposals.add(propose(community, known, row.value1(), row.value2(), row.value3())));
        return proposals;
    }

    /** The community's events staff may choose from, latest first. */
    @Transactional(readOnly = true)
    public List<Event> eventsOf(long organizationId, long communityId) {
        return eventsOf(communities.inOrganization(organizationId, communityId));
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
    public void start(long organizationId, long communityId, long jobId, List<Choice> choices) {
        Community community = communities.inOrganization(organizationId, communityId);
        // the lock keeps the cleanup from deleting the job while it starts
        requirePrepared(organizationId, communityId, jobId, true);
        List<Integer> positions = db.select(HISTORY_BULK_FILE.POSITION).from(HISTORY_BULK_FILE)
                .where(HISTORY_BULK_FILE.JOB_ID.eq(jobId)).orderBy(HISTORY_BULK_FILE.POSITION)
                .fetch(HISTORY_BULK_FILE.POSITION);
        Map<Integer, Choice> byPosition = new HashMap<>();
        choices.forEach(c -> byPosition.put(c.position(), c));
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        for (int position : positions) {
            Choice choice = byPosition.get(position);
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
            db.update(HISTORY_BULK_JOB).set(HISTORY_BULK_JOB.STATE, State.QUEUED.name())
                    .set(HISTORY_BULK_JOB.RUNNING_ORGANIZATION_ID, organizationId)
                    .where(HISTORY_BULK_JOB.ID.eq(jobId)).execute();
        } catch (DuplicateKeyException anotherIsQueuedOrRunning) {
            throw new ConflictException("files", "history.bulk.one-at-a-time");
        }
        for (int position : positions) {
            Choice choice = byPosition.get(position);
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
    private Map<Integer, ColumnMapping> mappingsOf(Community community, long jobId, Map<Integer, Choice> choices) {
        List<Integer> generic = choices.values().stream().filter(c -> c.format() == ImportFormat.GENERIC)
                .map(Choice::position).toList();
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
        requirePrepared(organizationId, communityId, jobId, true);
        delete(jobId);
    }

    /**
     * Deletes the jobs uploaded longer than {@code keptFor} ago and never started, files and all, each in a
     * transaction of its own under a lock on its row; a job started meanwhile is left alone. Answers how many went.
     */
    public int discardAbandoned(Duration keptFor) {
        OffsetDateTime before = at(clock.instant().minus(keptFor));
        int deleted = 0;
        for (long id : db.select(HISTORY_BULK_JOB.ID).from(HISTORY_BULK_JOB)
                .where(HISTORY_BULK_JOB.STATE.eq(State.PREPARED.name()))
                .and(HISTORY_BULK_JOB.CREATED_AT.lt(before))
                .orderBy(HISTORY_BULK_JOB.ID).fetch(HISTORY_BULK_JOB.ID)) {
            boolean gone = Boolean.TRUE.equals(ownTransaction.execute(status -> {
                boolean stillAbandoned = db.select(HISTORY_BULK_JOB.ID).from(HISTORY_BULK_JOB)
                        .where(HISTORY_BULK_JOB.ID.eq(id))
                        .and(HISTORY_BULK_JOB.STATE.eq(State.PREPARED.name()))
                        .and(HISTORY_BULK_JOB.CREATED_AT.lt(before))
                        .forUpdate()
                        .fetchOptional().isPresent();
                if (stillAbandoned) {
                    delete(id);
                }
                return stillAbandoned;
            }));
            deleted += gone ? 1 : 0;
        }
        return deleted;
    }

    private void delete(long jobId) {
        db.deleteFrom(HISTORY_BULK_FILE).where(HISTORY_BULK_FILE.JOB_ID.eq(jobId)).execute();
        db.deleteFrom(HISTORY_BULK_JOB).where(HISTORY_BULK_JOB.ID.eq(jobId)).execute();
    }

    /**
     * Keeps the files and their choices and queues them at once, as the API does; answers the job's id. A file given
     * no site is recognized by its header.
     */
    @Transactional
    public long queue(long organizationId, long communityId, List<UploadedFile> files, List<Choice> choices) {
        long job = prepare(organizationId, communityId, files);
        List<Choice> completed = new ArrayList<>();
        for (Choice choice : choices) {
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

    /**
     * Fails the running jobs that stopped moving on, then runs every queued job, oldest first, file by file; answers
     * how many jobs ran here.
     */
    public int runQueued() {
        OffsetDateTime stalledBefore = at(clock.instant().minus(properties.stalledAfter()));
        int stalled = db.update(HISTORY_BULK_JOB)
                .set(HISTORY_BULK_JOB.STATE, State.FAILED.name())
                .set(HISTORY_BULK_JOB.FINISHED_AT, at(clock.instant()))
                .setNull(HISTORY_BULK_JOB.RUNNING_ORGANIZATION_ID)
                .where(HISTORY_BULK_JOB.STATE.eq(State.RUNNING.name()))
                .and(HISTORY_BULK_JOB.PROGRESS_AT.lt(stalledBefore)
                        .or(HISTORY_BULK_JOB.PROGRESS_AT.isNull().and(HISTORY_BULK_JOB.CREATED_AT.lt(stalledBefore))))
                .execute();
        if (stalled > 0) {
            log.warn("{} bulk import job(s) stopped moving on for {} and were failed", stalled,
                    properties.stalledAfter());
        }
        int ran = 0;
        for (long id : db.select(HISTORY_BULK_JOB.ID).from(HISTORY_BULK_JOB)
                .where(HISTORY_BULK_JOB.STATE.eq(State.QUEUED.name()))
                .orderBy(HISTORY_BULK_JOB.ID).fetch(HISTORY_BULK_JOB.ID)) {
            boolean claimed = db.update(HISTORY_BULK_JOB).set(HISTORY_BULK_JOB.STATE, State.RUNNING.name())
                    .set(HISTORY_BULK_JOB.PROGRESS_AT, at(clock.instant()))
                    .where(HISTORY_BULK_JOB.ID.eq(id)).and(HISTORY_BULK_JOB.STATE.eq(State.QUEUED.name()))
                    .execute() == 1;
            if (claimed) {
                run(id);
                ran++;
            }
        }
        return ran;
    }

    /** The organization's job in the community, as the page and the API show it. */
    @Transactional(readOnly = true)
    public Job find(long organizationId, long communityId, long jobId) {
        var job = db.selectFrom(HISTORY_BULK_JOB)
                .where(HISTORY_BULK_JOB.ID.eq(jobId))
                .and(HISTORY_BULK_JOB.ORGANIZATION_ID.eq(organizationId))
                .and(HISTORY_BULK_JOB.COMMUNITY_ID.eq(communityId))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("import", jobId));
        List<FileResult> files = db.select(HISTORY_BULK_FILE.POSITION, HISTORY_BULK_FILE.FILE_NAME,
                        HISTORY_BULK_FILE.FORMAT, HISTORY_BULK_FILE.EVENT_ID, HISTORY_BULK_FILE.NEW_TITLE,
                        HISTORY_BULK_FILE.STATE, HISTORY_BULK_FILE.RESULT)
                .from(HISTORY_BULK_FILE)
                .where(HISTORY_BULK_FILE.JOB_ID.eq(jobId))
                .orderBy(HISTORY_BULK_FILE.POSITION)
                .fetch(row -> fileResult(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
                        FileState.valueOf(row.value6()), row.value7()));
        return new Job(job.getId(), State.valueOf(job.getState()), job.getFileAt(),
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

    private void run(long jobId) {
        var job = db.selectFrom(HISTORY_BULK_JOB).where(HISTORY_BULK_JOB.ID.eq(jobId)).fetchOne();
        try {
            Community community = communities.inOrganization(job.getOrganizationId(), job.getCommunityId());
            for (int position : db.select(HISTORY_BULK_FILE.POSITION).from(HISTORY_BULK_FILE)
                    .where(HISTORY_BULK_FILE.JOB_ID.eq(jobId))
                    .and(HISTORY_BULK_FILE.STATE.eq(FileState.QUEUED.name()))
                    .orderBy(HISTORY_BULK_FILE.POSITION).fetch(HISTORY_BULK_FILE.POSITION)) {
                runFile(community, jobId, position);
            }
            finish(jobId, State.DONE);
        } catch (RuntimeException failed) {
            log.error("Bulk import job {} failed", jobId, failed);
            finish(jobId, State.FAILED);
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
        FileState state;
        Stored result;
        try {
            HistoryImports.IntoEvent done = file.getEventId() != null
                    ? new HistoryImports.IntoEvent(file.getEventId(), imports.importFile(community.organizationId(),
                            file.getEventId(), format, mapping, file.getFileName(), file.getContent(), progress),
                            false)
                    : imports.importIntoNewEvent(community, file.getNewTitle(), file.getNewStartsAt().toInstant(),
                            format, mapping, file.getFileName(), file.getContent(), progress);
            state = FileState.DONE;
            result = new Stored(done.eventId(), done.eventCreated(), done.summary(), null, null);
        } catch (ImportRejected rejected) {
            state = FileState.REJECTED;
            result = new Stored(null, false, null, rejected.problems(), rejected.encoding().orElse(null));
        } catch (RuntimeException failed) {
            log.error("File {} of bulk import job {} failed", position, jobId, failed);
            state = FileState.FAILED;
            result = new Stored(null, false, null, null, null);
        }
        db.update(HISTORY_BULK_FILE)
                .set(HISTORY_BULK_FILE.STATE, state.name())
                .set(HISTORY_BULK_FILE.RESULT, JSON.writeValueAsString(result))
                .set(HISTORY_BULK_FILE.EVENT_ID, result.eventId() != null ? result.eventId() : file.getEventId())
                // the original is kept with the import itself when it succeeds; the job's copy has served
                .set(HISTORY_BULK_FILE.CONTENT, new byte[0])
                .where(HISTORY_BULK_FILE.JOB_ID.eq(jobId))
                .and(HISTORY_BULK_FILE.POSITION.eq(position))
                .execute();
        db.update(HISTORY_BULK_JOB).set(HISTORY_BULK_JOB.PROGRESS_AT, at(clock.instant()))
                .where(HISTORY_BULK_JOB.ID.eq(jobId)).execute();
    }

    private void finish(long jobId, State state) {
        db.update(HISTORY_BULK_JOB)
                .set(HISTORY_BULK_JOB.STATE, state.name())
                .set(HISTORY_BULK_JOB.FINISHED_AT, at(clock.instant()))
                .setNull(HISTORY_BULK_JOB.RUNNING_ORGANIZATION_ID)
                .where(HISTORY_BULK_JOB.ID.eq(jobId))
                .execute();
    }

    /** Locked, the job's row stays as it is (PREPARED, there at all) until the caller's transaction ends. */
    private void requirePrepared(long organizationId, long communityId, long jobId, boolean lock) {
        var query = db.select(HISTORY_BULK_JOB.STATE).from(HISTORY_BULK_JOB)
                .where(HISTORY_BULK_JOB.ID.eq(jobId))
                .and(HISTORY_BULK_JOB.ORGANIZATION_ID.eq(organizationId))
                .and(HISTORY_BULK_JOB.COMMUNITY_ID.eq(communityId));
        String state = (lock ? query.forUpdate() : query).fetchOptional(HISTORY_BULK_JOB.STATE)
                .orElseThrow(() -> NotFoundException.of("import", jobId));
        if (!state.equals(State.PREPARED.name())) {
            throw InvalidInputException.of("files", "history.bulk.started");
        }
    }

    /** The name and content of a file of a prepared job. */
    private Record2<String, byte[]> preparedFile(long organizationId, long communityId, long jobId, int position,
            boolean lock) {
        communities.inOrganization(organizationId, communityId);
        requirePrepared(organizationId, communityId, jobId, lock);
        return db.select(HISTORY_BULK_FILE.FILE_NAME, HISTORY_BULK_FILE.CONTENT).from(HISTORY_BULK_FILE)
                .where(HISTORY_BULK_FILE.JOB_ID.eq(jobId))
                .and(HISTORY_BULK_FILE.POSITION.eq(position))
                .fetchOptional()
                .orElseThrow(() -> NotFoundException.of("file", position));
    }

    private List<Event> eventsOf(Community community) {
        return events.search(community.organizationId(), null, Set.of(community.id()), 0, 1000).events();
    }

    /**
     * The file as read, and the event it most likely belongs to: the one it was imported into before, the one whose
     * connpass address has the id in a connpass file name, the one titled like the file, or the one on the date in
     * the file name; otherwise a new event titled after the file, on that date when the name has one.
     */
    private Proposal propose(Community community, List<Event> known, int position, String fileName, byte[] content) {
        ZoneId zone = community.timeZone();
        String encoding = null;
        Integer rows = null;
        int problems = 0;
        Optional<List<String>> header = ColumnMappings.header(content);
        // a CSV of no known site is read through a column mapping; bytes that are no CSV at all get no site
        Optional<ImportFormat> format = header.flatMap(ImportFormat::recognize)
                .or(() -> header.map(h -> ImportFormat.GENERIC));
        Optional<ColumnMapping> mapping = header.flatMap(h -> mappings.remembered(community.id(), h));
        try {
            encoding = DecodedText.decode(content).encoding();
            if (format.isPresent() && (!format.get().needsMapping() || mapping.isPresent())) {
                rows = format.get().read(content, mapping.orElse(null)).rows().size();
            }
        } catch (ImportRejected rejected) {
            problems = Math.max(1, rejected.problems().size());
            encoding = rejected.encoding().orElse(encoding);
        }
        String stem = stem(fileName);
        Optional<LocalDate> date = dateIn(stem);
        Long eventId = imports.importedBefore(community.organizationId(), content).stream()
                .filter(id -> known.stream().anyMatch(e -> e.id().equals(id)))
                .findFirst()
                .or(() -> connpassEvent(known, stem))
                .or(() -> known.stream().filter(e -> e.title().equalsIgnoreCase(stem.strip())
                        || normalized(stem).contains(normalized(e.title()))).map(Event::id).findFirst())
                .or(() -> date.flatMap(d -> known.stream()
                        .filter(e -> e.startsAt().atZone(zone).toLocalDate().equals(d)).map(Event::id).findFirst()))
                .orElse(null);
        String title = stem.replace('_', ' ').strip();
        Instant startsAt = date.map(d -> d.atTime(HISTORY_HOUR, 0).atZone(zone).toInstant()).orElse(null);
        return new Proposal(position, fileName, format.orElse(null), encoding, rows, problems, mapping.isPresent(),
                eventId, title.length() > 200 ? title.substring(0, 200) : title, startsAt);
    }

    private static Optional<Long> connpassEvent(List<Event> known, String stem) {
        Matcher connpass = CONNPASS_FILE.matcher(stem);
        if (!connpass.find()) {
            return Optional.empty();
        }
        String address = "connpass.com/event/" + connpass.group(1) + "/";
        return known.stream()
                .filter(e -> contains(e.onlineUrl(), address) || contains(e.description(), address))
                .map(Event::id)
                .findFirst();
    }

    private static boolean contains(String text, String part) {
        return text != null && (text + "/").contains(part);
    }

    private static Optional<LocalDate> dateIn(String stem) {
        Matcher found = DATE.matcher(stem);
        while (found.find()) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(found.group(1)), Integer.parseInt(found.group(2)),
                        Integer.parseInt(found.group(3))));
            } catch (java.time.DateTimeException notADate) {
                // digits that only look like a date; a later match may be one
            }
        }
        return Optional.empty();
    }

    private static String stem(String fileName) {
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String normalized(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-#＃]+", "");
    }

    private static String shortened(String name, int max) {
        String value = name == null || name.isBlank() ? "upload.csv" : name.strip();
        return value.length() > max ? value.substring(0, max) : value;
    }

    private static FileResult fileResult(int position, String fileName, String format, Long eventId, String newTitle,
            FileState state, String result) {
        Stored stored = result == null ? new Stored(null, false, null, null, null)
                : JSON.readValue(result, new TypeReference<Stored>() {
                });
        return new FileResult(position, fileName, format == null ? null : ImportFormat.fromName(format).orElse(null),
                eventId, newTitle, state, stored.eventCreated(), stored.summary(),
                stored.problems() == null ? List.of() : stored.problems(), stored.encoding());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Stored(Long eventId, boolean eventCreated, ImportSummary summary, List<ImportProblem> problems,
            String encoding) {
    }

    private record GenericFile(String name, List<String> header) {
    }

    /**
     * What staff chose for one file: its site, and an existing event or the title and start of a new one; for a
     * generic file the column mapping, when not the one remembered for its header.
     */
    public record Choice(int position, ImportFormat format, Long eventId, String title, Instant startsAt,
            ColumnMapping mapping) {

        /** A choice that reads a generic file with the mapping remembered for its header. */
        public Choice(int position, ImportFormat format, Long eventId, String title, Instant startsAt) {
            this(position, format, eventId, title, startsAt, null);
        }

        Choice withFormat(ImportFormat recognized) {
            return new Choice(position, recognized, eventId, title, startsAt, mapping);
        }
    }

    /**
     * A prepared file as read: its site ({@code generic} for a CSV of no site Firstpin knows, null for bytes that are
     * no CSV), its encoding, its rows (null when it cannot be read, or is generic and not mapped yet) or how many
     * problems it has, whether a column mapping is remembered for its header, and the event proposed for it or the
     * new event's title and start.
     */
    public record Proposal(int position, String fileName, ImportFormat format, String encoding, Integer rows,
            int problems, boolean mapped, Long eventId, String title, Instant startsAt) {

        /** A generic file whose columns staff must map before the job can start. */
        public boolean needsMapping() {
            return format == ImportFormat.GENERIC && !mapped;
        }
    }

    /** One file of a job: queued, or imported (into which event, with its counts), or refused with its problems. */
    public record FileResult(int position, String fileName, ImportFormat format, Long eventId, String newTitle,
            FileState state, boolean eventCreated, ImportSummary summary, List<ImportProblem> problems,
            String encoding) {

        public Optional<ImportRejected> rejection() {
            return state == FileState.REJECTED ? Optional.of(new ImportRejected(problems, encoding))
                    : Optional.empty();
        }
    }

    /**
     * A job: where it is while running (file {@code fileAt} of all, at {@code stage}, with {@code fileRows} rows once
     * read), then each file's result.
     */
    public record Job(long id, State state, Integer fileAt, ImportStage stage, Integer fileRows,
            List<FileResult> files) {

        public boolean running() {
            return state == State.QUEUED || state == State.RUNNING;
        }

        public int percent() {
            if (!running() || fileAt == null || files.isEmpty()) {
                return running() ? 0 : 100;
            }
            return ((fileAt - 1) * 100 + (stage == null ? 0 : stage.percent())) / files.size();
        }

        public String currentFile() {
            return fileAt == null || fileAt > files.size() ? null : files.get(fileAt - 1).fileName();
        }

        public long imported() {
            return files.stream().filter(f -> f.state() == FileState.DONE).count();
        }

        public long refused() {
            return files.stream().filter(f -> f.state() == FileState.REJECTED || f.state() == FileState.FAILED)
                    .count();
        }

        public long eventsCreated() {
            return files.stream().filter(FileResult::eventCreated).count();
        }

        /** The counts of every imported file added up. */
        public Totals total() {
            List<ImportSummary> done = files.stream().map(FileResult::summary).filter(java.util.Objects::nonNull)
                    .toList();
            return new Totals(done.stream().mapToInt(ImportSummary::rows).sum(),
                    done.stream().mapToInt(ImportSummary::registrations).sum(),
                    done.stream().mapToInt(ImportSummary::attendances).sum(),
                    done.stream().mapToInt(ImportSummary::membersCreated).sum(),
                    done.stream().mapToInt(ImportSummary::membersMatched).sum());
        }
    }

    /** The counts of a job's imported files together. */
    public record Totals(int rows, int registrations, int attendances, int membersCreated, int membersMatched) {
    }
}
