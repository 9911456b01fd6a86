package io.firstpin.demo;

import io.firstpin.platform.BulkWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;

/** Rows for one table, written a chunk at a time; answers the generated ids in row order when asked for them. */
final class DemoBatch<R extends Record> {

    static final int MAX_ROWS = 5_000;

    private final BulkWriter bulk;
    private final Table<R> table;
    private final TableField<R, Long> id;
    private final List<Field<?>> columns;
    private final List<Object[]> rows = new ArrayList<>();
    private long[] ids = new long[0];
    private int idCount;

    @SafeVarargs
    DemoBatch(BulkWriter bulk, Table<R> table, TableField<R, Long> id, TableField<R, ?>... columns) {
        this.bulk = bulk;
        this.table = table;
        this.id = id;
        this.columns = List.of(columns);
    }

    void add(Object... values) {
        rows.add(values);
        if (rows.size() == MAX_ROWS) {
            flush();
        }
    }

    /** Writes what is left and answers the ids of every row added since the last call, in order. */
    long[] finish() {
        flush();
        long[] answer = Arrays.copyOf(ids, idCount);
        idCount = 0;
        return answer;
    }

    private void flush() {
        if (rows.isEmpty()) {
            return;
        }
        if (id == null) {
            bulk.insert(table, columns, rows);
        } else {
            List<Long> generated = bulk.insertWithNewIds(table, id, columns, rows);
            if (ids.length < idCount + generated.size()) {
                ids = Arrays.copyOf(ids, Math.max(ids.length * 2, idCount + generated.size()));
            }
            for (long generatedId : generated) {
                ids[idCount++] = generatedId;
            }
        }
        rows.clear();
    }
}
