package io.firstpin.history;

import static io.firstpin.platform.db.Tables.HISTORY_BULK_FILE;
import static io.firstpin.platform.db.Tables.HISTORY_BULK_JOB;

import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The checks and deletes on a bulk import's rows that staff's steps, the proposals and the cleanup share. */
@Component
class BulkJobRows {

    private final DSLContext db;

    BulkJobRows(DSLContext db) {
        this.db = db;
    }

    /** Locked, the job's row stays as it is (PREPARED, there at all) until the caller's transaction ends. */
    void requirePrepared(long organizationId, long communityId, long jobId, boolean lock) {
        var query = db.select(HISTORY_BULK_JOB.STATE).from(HISTORY_BULK_JOB)
                .where(HISTORY_BULK_JOB.ID.eq(jobId))
                .and(HISTORY_BULK_JOB.ORGANIZATION_ID.eq(organizationId))
                .and(HISTORY_BULK_JOB.COMMUNITY_ID.eq(communityId));
        String state = (lock ? query.forUpdate() : query).fetchOptional(HISTORY_BULK_JOB.STATE)
                .orElseThrow(() -> NotFoundException.of("import", jobId));
        if (!state.equals(ImportState.PREPARED.name())) {
            throw InvalidInputException.of("files", "history.bulk.started");
        }
    }

    void delete(long jobId) {
        db.deleteFrom(HISTORY_BULK_FILE).where(HISTORY_BULK_FILE.JOB_ID.eq(jobId)).execute();
        db.deleteFrom(HISTORY_BULK_JOB).where(HISTORY_BULK_JOB.ID.eq(jobId)).execute();
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
