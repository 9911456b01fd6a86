package io.firstpin.member.internal;

import static io.firstpin.platform.db.Tables.HISTORY_BULK_FILE;
import static io.firstpin.platform.db.Tables.HISTORY_BULK_JOB;
import static io.firstpin.platform.db.Tables.HISTORY_IMPORT;
import static io.firstpin.platform.db.Tables.HISTORY_IMPORT_JOB;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The original files uploaded for history imports (kept for audit and re-processing) that name an erased person: each
 * is kept with its counts but without its bytes. A file is looked at one at a time, in each encoding an export comes
 * in (UTF-8, CP932, EUC-JP); a trace that happens to stand in a file for someone else erases that file too, which only
 * loses a copy whose rows were imported already.
 */
@Component
class ImportedFiles {

    private static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, Charset.forName("windows-31j"),
            Charset.forName("EUC-JP"));
    private static final byte[] NONE = new byte[0];

    private final DSLContext db;

    ImportedFiles(DSLContext db) {
        this.db = db;
    }

    /** Empties every file of the organization containing any of the traces; answers how many. */
    int eraseContaining(long organizationId, Collection<String> traces) {
        List<byte[]> needles = needles(traces);
        if (needles.isEmpty()) {
            return 0;
        }
        int erased = 0;
        for (long id : db.select(HISTORY_IMPORT.ID).from(HISTORY_IMPORT)
                .where(HISTORY_IMPORT.ORGANIZATION_ID.eq(organizationId)).fetch(HISTORY_IMPORT.ID)) {
            byte[] content = db.select(HISTORY_IMPORT.CONTENT).from(HISTORY_IMPORT).where(HISTORY_IMPORT.ID.eq(id))
                    .fetchOne(HISTORY_IMPORT.CONTENT);
            if (containsAny(content, needles)) {
                erased += db.update(HISTORY_IMPORT).set(HISTORY_IMPORT.CONTENT, NONE)
                        .where(HISTORY_IMPORT.ID.eq(id)).execute();
            }
        }
        for (long id : db.select(HISTORY_IMPORT_JOB.ID).from(HISTORY_IMPORT_JOB)
                .where(HISTORY_IMPORT_JOB.ORGANIZATION_ID.eq(organizationId)).fetch(HISTORY_IMPORT_JOB.ID)) {
            byte[] content = db.select(HISTORY_IMPORT_JOB.CONTENT).from(HISTORY_IMPORT_JOB)
                    .where(HISTORY_IMPORT_JOB.ID.eq(id)).fetchOne(HISTORY_IMPORT_JOB.CONTENT);
            if (containsAny(content, needles)) {
                // the result lists problems by row, with the values of the cells
                erased += db.update(HISTORY_IMPORT_JOB).set(HISTORY_IMPORT_JOB.CONTENT, NONE)
                        .setNull(HISTORY_IMPORT_JOB.RESULT)
                        .where(HISTORY_IMPORT_JOB.ID.eq(id)).execute();
            }
        }
        for (var file : db.select(HISTORY_BULK_FILE.JOB_ID, HISTORY_BULK_FILE.POSITION).from(HISTORY_BULK_FILE)
                .join(HISTORY_BULK_JOB).on(HISTORY_BULK_JOB.ID.eq(HISTORY_BULK_FILE.JOB_ID))
                .where(HISTORY_BULK_JOB.ORGANIZATION_ID.eq(organizationId)).fetch()) {
            var which = HISTORY_BULK_FILE.JOB_ID.eq(file.value1()).and(HISTORY_BULK_FILE.POSITION.eq(file.value2()));
            byte[] content = db.select(HISTORY_BULK_FILE.CONTENT).from(HISTORY_BULK_FILE).where(which)
                    .fetchOne(HISTORY_BULK_FILE.CONTENT);
            if (containsAny(content, needles)) {
                erased += db.update(HISTORY_BULK_FILE).set(HISTORY_BULK_FILE.CONTENT, NONE)
                        .setNull(HISTORY_BULK_FILE.RESULT).where(which).execute();
            }
        }
        return erased;
    }

    /** Each trace in each encoding; e-mail addresses and handles are matched without regard to case. */
    private static List<byte[]> needles(Collection<String> traces) {
        Set<String> seen = new LinkedHashSet<>();
        for (String trace : traces) {
            String value = trace == null ? "" : trace.strip();
            // a single character would be found in nearly every file
            if (value.codePointCount(0, value.length()) >= 2) {
                seen.add(isAscii(value) ? value.toLowerCase(Locale.ROOT) : value);
            }
        }
        return seen.stream().flatMap(value -> ENCODINGS.stream().map(value::getBytes)).distinct().toList();
    }

    private static boolean containsAny(byte[] content, List<byte[]> needles) {
        if (content == null || content.length == 0) {
            return false;
        }
        byte[] folded = asciiLowerCase(content);
        return needles.stream().anyMatch(needle -> indexOf(isAscii(needle) ? folded : content, needle) >= 0);
    }

    private static boolean isAscii(String value) {
        return value.chars().allMatch(c -> c < 0x80);
    }

    private static boolean isAscii(byte[] value) {
        for (byte b : value) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] asciiLowerCase(byte[] content) {
        byte[] folded = content.clone();
        for (int i = 0; i < folded.length; i++) {
            if (folded[i] >= 'A' && folded[i] <= 'Z') {
                folded[i] += 'a' - 'A';
            }
        }
        return folded;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
