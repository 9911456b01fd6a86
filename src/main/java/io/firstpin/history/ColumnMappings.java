package io.firstpin.history;

import static io.firstpin.platform.db.Tables.HISTORY_COLUMN_MAPPING;

import io.firstpin.platform.Sha256;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The column mappings staff chose for generic CSVs, remembered per community and header: the next file with the same
 * header (the same tool's export of another event) is read the same way without asking again.
 */
@Service
public class ColumnMappings {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext db;
    private final Clock clock;

    ColumnMappings(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<ColumnMapping> remembered(long communityId, List<String> header) {
        return db.select(HISTORY_COLUMN_MAPPING.MAPPING).from(HISTORY_COLUMN_MAPPING)
                .where(HISTORY_COLUMN_MAPPING.COMMUNITY_ID.eq(communityId))
                .and(HISTORY_COLUMN_MAPPING.HEADER_SHA256.eq(key(header)))
                .fetchOptional(HISTORY_COLUMN_MAPPING.MAPPING)
                .map(json -> JSON.readValue(json, ColumnMapping.class));
    }

    /** The mapping remembered for the header of this file, when the file is a CSV at all. */
    @Transactional(readOnly = true)
    public Optional<ColumnMapping> rememberedFor(long communityId, byte[] content) {
        return header(content).flatMap(header -> remembered(communityId, header));
    }

    @Transactional
    public void remember(long communityId, List<String> header, ColumnMapping mapping) {
        String key = key(header);
        String json = JSON.writeValueAsString(mapping);
        int updated = db.update(HISTORY_COLUMN_MAPPING)
                .set(HISTORY_COLUMN_MAPPING.MAPPING, json)
                .set(HISTORY_COLUMN_MAPPING.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(HISTORY_COLUMN_MAPPING.COMMUNITY_ID.eq(communityId))
                .and(HISTORY_COLUMN_MAPPING.HEADER_SHA256.eq(key))
                .execute();
        if (updated == 0) {
            db.insertInto(HISTORY_COLUMN_MAPPING)
                    .set(HISTORY_COLUMN_MAPPING.COMMUNITY_ID, communityId)
                    .set(HISTORY_COLUMN_MAPPING.HEADER_SHA256, key)
                    .set(HISTORY_COLUMN_MAPPING.MAPPING, json)
                    .set(HISTORY_COLUMN_MAPPING.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .execute();
        }
    }

    /**
     * The header and first rows of a file to be mapped, with the mapping remembered for its header in the community.
     *
     * @throws ImportRejected when the file is no CSV text at all
     */
    @Transactional(readOnly = true)
    public Preview preview(long communityId, String fileName, byte[] content, int rows) {
        DecodedText text = DecodedText.decode(content);
        CsvTable table;
        try {
            table = CsvTable.parse(text.text());
        } catch (ImportRejected rejected) {
            throw rejected.withEncoding(text.encoding());
        }
        return new Preview(fileName, table.header(),
                table.rows().stream().limit(rows).map(CsvTable.CsvRow::values).toList(), text.encoding(),
                remembered(communityId, table.header()));
    }

    /**
     * The file's header, which the mapping fits.
     *
     * @throws ImportRejected with every problem of the mapping for this header (or of a file that is no CSV text)
     */
    static List<String> headerFitting(byte[] content, ColumnMapping mapping) {
        DecodedText text = DecodedText.decode(content);
        try {
            List<String> header = CsvTable.parse(text.text()).header();
            List<ImportProblem> problems = mapping.problemsWith(header);
            if (!problems.isEmpty()) {
                throw new ImportRejected(problems, text.encoding());
            }
            return header;
        } catch (ImportRejected rejected) {
            throw rejected.encoding().isPresent() ? rejected : rejected.withEncoding(text.encoding());
        }
    }

    /** The file's header, when it can be read as CSV text. */
    public static Optional<List<String>> header(byte[] content) {
        try {
            return Optional.of(CsvTable.parse(DecodedText.decode(content).text()).header());
        } catch (ImportRejected unreadable) {
            return Optional.empty();
        }
    }

    /** The same for two headers that differ only in case and surrounding spaces, as mappings are remembered. */
    static String key(List<String> header) {
        String joined = String.join("\u0000", header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList());
        return Sha256.hex(joined);
    }

    /** A file waiting for its mapping: its header, its first rows, and the mapping remembered for the header. */
    public record Preview(String fileName, List<String> header, List<List<String>> rows, String encoding,
            Optional<ColumnMapping> remembered) {
    }
}
