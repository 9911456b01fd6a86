package io.firstpin.platform;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.stereotype.Component;

/**
 * Writes many new rows of one table at once, for imports of whole histories. On PostgreSQL the rows go through
 * {@code COPY ... FROM STDIN} on the transaction's own connection, which skips parsing and planning a statement per
 * few rows; on other databases through multi-row inserts. Either way the rows are part of the caller's transaction and
 * every constraint of the table is checked.
 */
@Component
public class BulkWriter {

    private static final int INSERT_CHUNK = 1000;
    /** Below this many rows one multi-row insert costs less than opening a COPY. */
    private static final int COPY_FROM = 50;
    private static final int COPY_BUFFER = 1 << 16;

    private final DSLContext db;

    BulkWriter(DSLContext db) {
        this.db = db;
    }

    /** Inserts the rows, each holding a value per field in the order of {@code fields}; nulls are SQL nulls. */
    public void insert(Table<?> table, List<? extends Field<?>> fields, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (copies() && rows.size() >= COPY_FROM) {
            copy(table, fields, rows);
            return;
        }
        for (int from = 0; from < rows.size(); from += INSERT_CHUNK) {
            multiRowInsert(table, fields, rows.subList(from, Math.min(rows.size(), from + INSERT_CHUNK))).execute();
        }
    }

    /**
     * Inserts the rows with new ids from the table's identity column {@code id} and answers those ids in the order of
     * the rows. On PostgreSQL the ids are drawn from the column's sequence first, so the rows can be copied with them;
     * elsewhere each multi-row insert returns them, and sorted they line up with the rows, since an identity column
     * numbers one statement's rows in the order of its values.
     */
    public List<Long> insertWithNewIds(Table<?> table, TableField<?, Long> id, List<? extends Field<?>> fields,
            List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        if (copies()) {
            List<Long> ids = db.fetch("select nextval(pg_get_serial_sequence({0}, {1})) from generate_series(1, {2})",
                    DSL.inline(table.getName()), DSL.inline(id.getName()), DSL.inline(rows.size()))
                    .getValues(0, Long.class);
            List<Field<?>> withId = new ArrayList<>(fields.size() + 1);
            withId.add(id);
            withId.addAll(fields);
            List<Object[]> numbered = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Object[] row = new Object[fields.size() + 1];
                row[0] = ids.get(i);
                System.arraycopy(rows.get(i), 0, row, 1, fields.size());
                numbered.add(row);
            }
            copy(table, withId, numbered);
            return ids;
        }
        List<Long> ids = new ArrayList<>(rows.size());
        for (int from = 0; from < rows.size(); from += INSERT_CHUNK) {
            List<Long> chunkIds = new ArrayList<>(multiRowInsert(table, fields,
                    rows.subList(from, Math.min(rows.size(), from + INSERT_CHUNK))).returningResult(id)
                    .fetch(0, Long.class));
            chunkIds.sort(null);
            ids.addAll(chunkIds);
        }
        return ids;
    }

    /**
     * That the field holds one of these values, for looking up many rows at once: on PostgreSQL the values are bound
     * as one array, elsewhere they form an IN list (H2 reads {@code = ANY} of an array row by row, without the index).
     */
    /**
     * Gives the planner fresh statistics of tables just filled in bulk, inside the writing transaction, so that the
     * first queries after it are not planned for empty tables. Only PostgreSQL needs it.
     */
    public void refreshStatistics(Table<?>... tables) {
        if (copies()) {
            for (Table<?> table : tables) {
                db.execute("analyze {0}", table);
            }
        }
    }

    public Condition oneOf(Field<String> field, Collection<String> values) {
        return copies() ? field.eq(DSL.any(values.toArray(String[]::new))) : field.in(values);
    }

    @SuppressWarnings("unchecked")
    private InsertValuesStepN<Record> multiRowInsert(Table<?> table, List<? extends Field<?>> fields,
            List<Object[]> rows) {
        InsertValuesStepN<Record> insert = (InsertValuesStepN<Record>) db.insertInto((Table<Record>) table, fields);
        for (Object[] row : rows) {
            insert = insert.values(row);
        }
        return insert;
    }

    private boolean copies() {
        return db.dialect().family() == SQLDialect.POSTGRES;
    }

    private void copy(Table<?> table, List<? extends Field<?>> fields, List<Object[]> rows) {
        String sql = "copy " + table.getName() + " ("
                + fields.stream().map(Field::getName).collect(Collectors.joining(", "))
                + ") from stdin with (format csv)";
        db.connection(connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                StringBuilder csv = new StringBuilder(COPY_BUFFER + 4096);
                for (Object[] row : rows) {
                    appendLine(csv, row);
                    if (csv.length() >= COPY_BUFFER) {
                        send(copy, csv);
                    }
                }
                send(copy, csv);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
    }

    private static void send(CopyIn copy, StringBuilder csv) throws SQLException {
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        csv.setLength(0);
    }

    /** One CSV line as COPY reads it: an unquoted empty field is null, a quoted one an empty text. */
    private static void appendLine(StringBuilder csv, Object[] row) {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            Object value = row[i];
            if (value == null) {
                continue;
            }
            if (value instanceof Number || value instanceof Boolean) {
                csv.append(value);
            } else if (value instanceof OffsetDateTime at) {
                csv.append(at);
            } else if (value instanceof Instant at) {
                csv.append(at.atOffset(ZoneOffset.UTC));
            } else {
                String text = value.toString();
                csv.append('"');
                for (int c = 0; c < text.length(); c++) {
                    char ch = text.charAt(c);
                    if (ch == '"') {
                        csv.append('"');
                    }
                    csv.append(ch);
                }
                csv.append('"');
            }
        }
        csv.append('\n');
    }
}
