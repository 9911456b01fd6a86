package io.firstpin.history.internal;

import static io.firstpin.platform.db.Tables.HISTORY_IMPORT;
import static io.firstpin.platform.db.Tables.HISTORY_IMPORT_PERSON;

import io.firstpin.history.ImportSummary;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Row3;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** The files imported into each event, kept with their original bytes, and the members unidentified people became. */
@Component
public class ImportLog {

    private static final int CHUNK = 1000;

    private final DSLContext db;

    ImportLog(DSLContext db) {
        this.db = db;
    }

    /** What importing this very file into the event answered before. */
    public Optional<ImportSummary> earlier(long eventId, String sha256) {
        return db.select(HISTORY_IMPORT.ROWS_READ, HISTORY_IMPORT.REGISTRATIONS, HISTORY_IMPORT.ATTENDANCES,
                        HISTORY_IMPORT.MEMBERS_CREATED, HISTORY_IMPORT.MEMBERS_MATCHED, HISTORY_IMPORT.ENCODING)
                .from(HISTORY_IMPORT)
                .where(HISTORY_IMPORT.EVENT_ID.eq(eventId))
                .and(HISTORY_IMPORT.SHA256.eq(sha256))
                .fetchOptional(row -> new ImportSummary(row.value1(), row.value2(), row.value3(), row.value4(),
                        row.value5(), row.value6()));
    }

    /** What importing this very file into any event of the organization answered, by event, earliest first. */
    public Map<Long, ImportSummary> earlierInOrganization(long organizationId, String sha256) {
        Map<Long, ImportSummary> found = new java.util.LinkedHashMap<>();
        db.select(HISTORY_IMPORT.EVENT_ID, HISTORY_IMPORT.ROWS_READ, HISTORY_IMPORT.REGISTRATIONS,
                        HISTORY_IMPORT.ATTENDANCES, HISTORY_IMPORT.MEMBERS_CREATED, HISTORY_IMPORT.MEMBERS_MATCHED,
                        HISTORY_IMPORT.ENCODING)
                .from(HISTORY_IMPORT)
                .where(HISTORY_IMPORT.ORGANIZATION_ID.eq(organizationId))
                .and(HISTORY_IMPORT.SHA256.eq(sha256))
                .orderBy(HISTORY_IMPORT.ID)
                .forEach(row -> found.put(row.value1(), new ImportSummary(row.value2(), row.value3(), row.value4(),
                        row.value5(), row.value6(), row.value7())));
        return found;
    }

    public void record(long organizationId, long eventId, String format, String fileName, String sha256,
            byte[] content, ImportSummary summary, Instant now) {
        db.insertInto(HISTORY_IMPORT)
                .set(HISTORY_IMPORT.ORGANIZATION_ID, organizationId)
                .set(HISTORY_IMPORT.EVENT_ID, eventId)
                .set(HISTORY_IMPORT.FORMAT, format)
                .set(HISTORY_IMPORT.FILE_NAME, fileName)
                .set(HISTORY_IMPORT.SHA256, sha256)
                .set(HISTORY_IMPORT.ENCODING, summary.encoding())
                .set(HISTORY_IMPORT.CONTENT, content)
                .set(HISTORY_IMPORT.ROWS_READ, summary.rows())
                .set(HISTORY_IMPORT.REGISTRATIONS, summary.registrations())
                .set(HISTORY_IMPORT.ATTENDANCES, summary.attendances())
                .set(HISTORY_IMPORT.MEMBERS_CREATED, summary.membersCreated())
                .set(HISTORY_IMPORT.MEMBERS_MATCHED, summary.membersMatched())
                .set(HISTORY_IMPORT.IMPORTED_AT, now.atOffset(ZoneOffset.UTC))
                .execute();
    }

    /** The members that people without an identity became in the event's earlier imports, by their row key. */
    public Map<String, Long> people(long eventId) {
        return db.select(HISTORY_IMPORT_PERSON.ROW_KEY, HISTORY_IMPORT_PERSON.MEMBER_ID)
                .from(HISTORY_IMPORT_PERSON)
                .where(HISTORY_IMPORT_PERSON.EVENT_ID.eq(eventId))
                .fetchMap(HISTORY_IMPORT_PERSON.ROW_KEY, HISTORY_IMPORT_PERSON.MEMBER_ID);
    }

    public void rememberPeople(long eventId, Map<String, Long> memberByKey) {
        List<Row3<Long, String, Long>> rows = memberByKey.entrySet().stream()
                .map(e -> DSL.row(eventId, e.getKey(), e.getValue()))
                .toList();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            db.insertInto(HISTORY_IMPORT_PERSON, HISTORY_IMPORT_PERSON.EVENT_ID, HISTORY_IMPORT_PERSON.ROW_KEY,
                            HISTORY_IMPORT_PERSON.MEMBER_ID)
                    .valuesOfRows(rows.subList(from, Math.min(rows.size(), from + CHUNK)))
                    .execute();
        }
    }
}
