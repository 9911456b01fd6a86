package io.firstpin.history;

import static io.firstpin.platform.db.Tables.HISTORY_BULK_FILE;
import static io.firstpin.platform.db.Tables.HISTORY_BULK_JOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.Slug;
import io.firstpin.registration.RegistrationStatus;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** Bulk imports left unstarted and discarded, generic files mapped inside a bulk, and the progress of a running one. */
@DatabaseTest
@SpringBootTest(properties = "firstpin.history.job-check-interval=1h")
@Import(MovableClock.Config.class)
class BulkImportsTests {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final ColumnMapping GENERIC_COLUMNS = new ColumnMapping("氏名", "メール", "connpass ID", null, "状態",
            Map.of("参加", RegistrationStatus.CONFIRMED, "補欠", RegistrationStatus.WAITLISTED,
                    "キャンセル", RegistrationStatus.CANCELLED), "来場", "○", "受付時刻", "枠", "申込日時");

    @Autowired
    BulkImports bulk;
    @Autowired
    BulkProposals bulkProposals;
    @Autowired
    ImportJobs jobs;
    @Autowired
    HistoryImports imports;
    @Autowired
    ColumnMappings mappings;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    DSLContext db;
    @Autowired
    MovableClock clock;
    @Autowired
    List<RecurringTask<?>> recurringTasks;

    Organization organization;
    Community community;
    Event studySession;

    @BeforeEach
    void aCommunityWithOnePastStudySession() {
        clock.set(Instant.parse("2030-03-01T09:00:00Z"));
        organization = organizations.found(new Slug("bulk-" + System.nanoTime()), "一括取り込み");
        community = communities.start(organization.id(), new Slug("c-" + System.nanoTime()),
                CommunityProfile.of("JAWS-UG 福岡", null, null, "Asia/Tokyo"), null);
        studySession = events.plan(community, new EventDetails("JAWS-UG 福岡 #42", null, EventKind.STUDY_SESSION,
                OffsetDateTime.parse("2024-05-10T19:00:00+09:00").toInstant(), null, null, true, null,
                Optional.empty()), List.of(), List.of(), "一般枠");
    }

    private long uploaded(String... names) {
        List<UploadedFile> files = new ArrayList<>();
        for (String name : names) {
            files.add(new UploadedFile(name, name.startsWith("generic") ? ExportFiles.genericList()
                    : ExportFiles.connpassStudySession()));
        }
        return bulk.prepare(organization.id(), community.id(), files);
    }

    private long startedIntoTheStudySession() {
        long job = uploaded("event_42_participants.csv");
        bulk.start(organization.id(), community.id(), job,
                List.of(new BulkChoice(1, ImportFormat.CONNPASS, studySession.id(), null, null)));
        return job;
    }

    private boolean kept(long job) {
        return db.fetchExists(HISTORY_BULK_JOB, HISTORY_BULK_JOB.ID.eq(job));
    }

    private int filesOf(long job) {
        return db.fetchCount(HISTORY_BULK_FILE, HISTORY_BULK_FILE.JOB_ID.eq(job));
    }

    private static BulkChoice intoNewEvent(int position, ImportFormat format, ColumnMapping mapping) {
        return new BulkChoice(position, format, null, "勉強会 " + position,
                Instant.parse("2024-06-14T10:00:00Z").plus(Duration.ofDays(position)), mapping);
    }

    @Test
    void anUploadNeverStartedIsDeletedWithItsFilesOnceOlderThanTheAgeKeptWhileARecentOneStays() {
        long abandoned = uploaded("event_42_participants.csv", "event_43_participants.csv");
        clock.advance(WEEK.minusHours(1));
        long recent = uploaded("event_44_participants.csv");
        clock.advance(Duration.ofHours(2));

        int deleted = bulk.discardAbandoned(WEEK);

        assertThat(deleted).isEqualTo(1);
        assertThat(kept(abandoned)).isFalse();
        assertThat(filesOf(abandoned)).isZero();
        assertThat(kept(recent)).isTrue();
        assertThat(filesOf(recent)).isEqualTo(1);
        assertThat(bulk.discardAbandoned(WEEK)).isZero();
    }

    @Test
    void startedAndFinishedImportsAreNeverDeletedHoweverOld() {
        long finished = startedIntoTheStudySession();
        jobs.runQueued();
        long queued = startedIntoTheStudySession();
        clock.advance(WEEK.multipliedBy(10));

        bulk.discardAbandoned(WEEK);

        assertThat(bulk.find(organization.id(), community.id(), finished).state()).isEqualTo(ImportState.DONE);
        assertThat(bulk.find(organization.id(), community.id(), queued).state()).isEqualTo(ImportState.QUEUED);
        assertThat(filesOf(finished)).isEqualTo(1);
        assertThat(filesOf(queued)).isEqualTo(1);
    }

    private ImportState startInto(long job) {
        bulk.start(organization.id(), community.id(), job,
                List.of(new BulkChoice(1, ImportFormat.CONNPASS, studySession.id(), null, null)));
        return bulk.find(organization.id(), community.id(), job).state();
    }

    @Test
    void twoJobsOfOneOrganizationStartedAtOnceQueueOneAndRefuseTheOtherUntilItHasRun() throws Exception {
        long first = uploaded("event_42_participants.csv");
        long second = uploaded("event_42_participants.csv");
        CountDownLatch together = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (long job : List.of(first, second)) {
                outcomes.add(two.submit(() -> {
                    together.await();
                    try {
                        return startInto(job).name();
                    } catch (ConflictException refused) {
                        return refused.code();
                    }
                }));
            }
            together.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }

            assertThat(results).containsExactlyInAnyOrder("QUEUED", "history.bulk.one-at-a-time");
        } finally {
            two.shutdownNow();
        }
        long refused = bulk.find(organization.id(), community.id(), first).state() == ImportState.QUEUED
                ? second : first;
        assertThat(bulk.find(organization.id(), community.id(), refused).state())
                .isEqualTo(ImportState.PREPARED);
        jobs.runQueued();
        assertThat(startInto(refused)).isEqualTo(ImportState.QUEUED);
    }

    @Test
    void aRunningJobThatStoppedMovingOnIsFailedAfterAWhileAndFreesItsOrganization() {
        long stuck = startedIntoTheStudySession();
        // claimed by an instance that died while running it
        db.update(HISTORY_BULK_JOB).set(HISTORY_BULK_JOB.STATE, "RUNNING")
                .set(HISTORY_BULK_JOB.PROGRESS_AT, clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .where(HISTORY_BULK_JOB.ID.eq(stuck)).execute();
        long next = uploaded("event_43_participants.csv");

        assertThatThrownBy(() -> startInto(next)).isInstanceOf(ConflictException.class);
        clock.advance(Duration.ofMinutes(20));
        jobs.runQueued();
        assertThat(bulk.find(organization.id(), community.id(), stuck).state()).isEqualTo(ImportState.RUNNING);
        clock.advance(Duration.ofMinutes(20));
        jobs.runQueued();

        assertThat(bulk.find(organization.id(), community.id(), stuck).state()).isEqualTo(ImportState.FAILED);
        assertThat(startInto(next)).isEqualTo(ImportState.QUEUED);
    }

    @Test
    void theCleanupIsARecurringTaskOfTheScheduler() {
        assertThat(recurringTasks).extracting(RecurringTask::getName).contains("history-bulk-cleanup");
    }

    @Test
    void staffDiscardAPreparedUploadOfTheirOwnOnly() {
        long mine = uploaded("event_42_participants.csv");
        long started = startedIntoTheStudySession();
        Organization other = organizations.found(new Slug("other-" + System.nanoTime()), "Other");
        Community theirs = communities.start(other.id(), new Slug("c-" + System.nanoTime()),
                CommunityProfile.of("Other", null, null, "Asia/Tokyo"), null);

        assertThatThrownBy(() -> bulk.discard(other.id(), theirs.id(), mine)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> bulk.discard(other.id(), community.id(), mine))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> bulk.discard(organization.id(), community.id(), started))
                .isInstanceOf(InvalidInputException.class);
        bulk.discard(organization.id(), community.id(), mine);

        assertThat(kept(mine)).isFalse();
        assertThat(filesOf(mine)).isZero();
        assertThat(kept(started)).isTrue();
        assertThatThrownBy(() -> bulk.start(organization.id(), community.id(), mine,
                List.of(new BulkChoice(1, ImportFormat.CONNPASS, studySession.id(), null, null))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aGenericFileWithoutAMappingKeepsTheBulkFromStartingAndIsNamed() {
        long job = uploaded("event_42_participants.csv", "generic_first.csv");

        assertThat(bulkProposals.proposals(organization.id(), community.id(), job)).extracting(
                BulkProposal::format, BulkProposal::needsMapping)
                .containsExactly(tuple(ImportFormat.CONNPASS, false),
                        tuple(ImportFormat.GENERIC, true));
        assertThatThrownBy(() -> bulk.start(organization.id(), community.id(), job,
                List.of(new BulkChoice(1, ImportFormat.CONNPASS, studySession.id(), null, null),
                        intoNewEvent(2, ImportFormat.GENERIC, null))))
                .isInstanceOfSatisfying(UnmappedFiles.class, e -> assertThat(e.files()).singleElement()
                        .satisfies(f -> {
                            assertThat(f.fileName()).isEqualTo("generic_first.csv");
                            assertThat(f.withoutMapping()).isTrue();
                        }));
        assertThat(bulk.find(organization.id(), community.id(), job).state()).isEqualTo(ImportState.PREPARED);
    }

    @Test
    void aMappingChosenForOneFileIsRememberedAndReadsEveryFileWithTheSameHeader() {
        long job = uploaded("generic_first.csv", "generic_second.csv");

        bulk.map(organization.id(), community.id(), job, 1, GENERIC_COLUMNS);
        List<BulkProposal> proposals = bulkProposals.proposals(organization.id(), community.id(), job);
        bulk.start(organization.id(), community.id(), job, List.of(intoNewEvent(1, ImportFormat.GENERIC, null),
                intoNewEvent(2, ImportFormat.GENERIC, null)));
        jobs.runQueued();
        BulkJob done = bulk.find(organization.id(), community.id(), job);

        assertThat(proposals).allSatisfy(p -> {
            assertThat(p.needsMapping()).isFalse();
            assertThat(p.rows()).isEqualTo(3);
        });
        assertThat(mappings.rememberedFor(community.id(), ExportFiles.genericList())).contains(GENERIC_COLUMNS);
        assertThat(done.files()).extracting(BulkFileResult::state)
                .containsOnly(ImportState.DONE);
        assertThat(done.total().rows()).isEqualTo(6);
    }

    @Test
    void aMappingThatDoesNotFitTheHeaderIsRefusedByColumnAndNotRemembered() {
        long job = uploaded("generic_first.csv");
        ColumnMapping misfit = new ColumnMapping("名前", null, null, null, null, Map.of(), null, null, null, null,
                null);

        assertThatThrownBy(() -> bulk.map(organization.id(), community.id(), job, 1, misfit))
                .isInstanceOfSatisfying(ImportRejected.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::row, ImportProblem::column)
                        .containsExactly(tuple(1, "名前")));
        assertThatThrownBy(() -> bulk.start(organization.id(), community.id(), job,
                List.of(intoNewEvent(1, ImportFormat.GENERIC, misfit))))
                .isInstanceOfSatisfying(UnmappedFiles.class, e -> assertThat(e.files().get(0).withoutMapping())
                        .isFalse());
        assertThat(mappings.rememberedFor(community.id(), ExportFiles.genericList())).isEmpty();
    }

    @Test
    void anImportTellsEachStageAsItBeginsWithTheRowsOnceTheFileIsRead() {
        List<String> told = new ArrayList<>();

        imports.importFile(organization.id(), studySession.id(), ImportFormat.CONNPASS, null, "event.csv",
                ExportFiles.connpassStudySession(), (stage, rows) -> told.add(stage + " " + rows));

        assertThat(told).containsExactly("READING null", "PEOPLE 8", "REGISTRATIONS 8", "ATTENDANCE 8");
    }

    @Test
    void aBulkJobWritesWhichFileRunsWithItsStageAndRows() {
        long job = bulk.prepare(organization.id(), community.id(), List.of(
                new UploadedFile("event_42_participants.csv", ExportFiles.connpassStudySession()),
                new UploadedFile("doorkeeper.csv", ExportFiles.doorkeeperAttendees())));
        bulk.start(organization.id(), community.id(), job, List.of(
                new BulkChoice(1, ImportFormat.CONNPASS, studySession.id(), null, null),
                intoNewEvent(2, ImportFormat.DOORKEEPER, null)));

        jobs.runQueued();
        BulkJob done = bulk.find(organization.id(), community.id(), job);

        assertThat(done.fileAt()).isEqualTo(2);
        assertThat(done.stage()).isEqualTo(ImportStage.ATTENDANCE);
        assertThat(done.fileRows()).isEqualTo(done.files().get(1).summary().rows()).isPositive();
    }
}
