package io.firstpin.operations.internal;

import static org.jooq.impl.DSL.inline;

import io.firstpin.operations.MoveRefused;
import io.firstpin.operations.MoveTarget;
import io.firstpin.platform.db.DefaultSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UniqueKey;
import org.jooq.impl.DSL;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Copies the whole database this instance runs on into an empty PostgreSQL database: the schema by the same Flyway
 * migrations, then every table in foreign-key order in batches, read from one snapshot of the source and written in
 * one transaction of the target, then the identity sequences set past the copied ids and every table's row count
 * compared before that transaction commits. A failure leaves the target as empty as it was found.
 */
@Component
public class DatabaseCopier {

    private static final int BATCH = 1_000;
    private static final int REPORT_EVERY = 50_000;
    private static final String FLYWAY_HISTORY = "flyway_schema_history";

    private final DataSource source;
    private final DSLContext db;
    private final Environment environment;

    DatabaseCopier(DataSource source, DSLContext db, Environment environment) {
        this.source = source;
        this.db = db;
        this.environment = environment;
    }

    /** Answers the rows copied per table; refuses a target that is not an empty PostgreSQL database. */
    public Map<String, Integer> move(MoveTarget target, Consumer<String> console) {
        TableOrder order = TableOrder.of(DefaultSchema.DEFAULT_SCHEMA.getTables());
        try (Connection to = connect(target); Connection from = source.getConnection()) {
            refuseNonEmpty(to);
            from.setAutoCommit(false);
            from.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            DSLContext src = DSL.using(from, db.dialect());
            refuseUnknownTables(src);

            console.accept("Creating the schema in " + target.url() + " (Flyway)");
            migrate(to);
            to.setAutoCommit(false);
            DSLContext dst = DSL.using(to, SQLDialect.POSTGRES);
            try {
                Map<String, Integer> copied = copy(order, src, dst, console);
                console.accept("Setting identity sequences past the copied ids");
                order.tables().stream().filter(t -> t.getIdentity() != null).forEach(t -> restartIdentity(dst, t));
                console.accept("Comparing row counts");
                compareCounts(order, src, dst);
                to.commit();
                from.rollback();
                return copied;
            } catch (RuntimeException e) {
                to.rollback();
                to.setAutoCommit(true);
                dropSchema(order, dst);
                throw e;
            }
        } catch (SQLException e) {
            throw new MoveRefused("the move failed: " + e.getMessage(), e);
        }
    }

    private static Connection connect(MoveTarget target) {
        try {
            return DriverManager.getConnection(target.url(), target.username(), target.password());
        } catch (SQLException e) {
            throw new MoveRefused("cannot connect to " + target.url() + ": " + e.getMessage(), e);
        }
    }

    private static void refuseNonEmpty(Connection to) {
        List<String> present = tablesOf(DSL.using(to, SQLDialect.POSTGRES), false);
        if (!present.isEmpty()) {
            throw new MoveRefused("the target database is not empty: it has " + present.size() + " tables or views ("
                    + present.stream().limit(5).collect(Collectors.joining(", "))
                    + (present.size() > 5 ? ", …" : "") + "). Moving needs an empty database; nothing was changed.");
        }
    }

    /** A table of the source that this version does not know would be left behind: refuse instead. */
    private static void refuseUnknownTables(DSLContext src) {
        Set<String> known = DefaultSchema.DEFAULT_SCHEMA.getTables().stream()
                .map(t -> t.getName().toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
        known.add(FLYWAY_HISTORY);
        List<String> unknown = tablesOf(src, true).stream().filter(n -> !known.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new MoveRefused("the source database has tables this version does not know, which would not be "
                    + "copied: " + String.join(", ", unknown) + ". Nothing was changed.");
        }
    }

    /** The tables (and views, unless only tables are asked for) in the connection's current schema, by name. */
    private static List<String> tablesOf(DSLContext db, boolean onlyTables) {
        // plain SQL: information_schema and current_schema are spelled alike in H2 and PostgreSQL
        return db.fetch("select table_name, table_type from information_schema.tables "
                        + "where table_schema = current_schema order by table_name").stream()
                .filter(r -> !onlyTables || r.get(1, String.class).toUpperCase(Locale.ROOT).contains("TABLE"))
                .map(r -> r.get(0, String.class).toLowerCase(Locale.ROOT)).toList();
    }

    private void migrate(Connection to) {
        String[] locations = environment.getProperty("spring.flyway.locations", String[].class,
                new String[] {"classpath:db/migration"});
        Flyway.configure().dataSource(new SingleConnectionDataSource(to, true)).locations(locations)
                .load().migrate();
    }

    private static Map<String, Integer> copy(TableOrder order, DSLContext src, DSLContext dst,
            Consumer<String> console) {
        // the migrations' own rows (a table's single state row) make way for the source's
        List<Table<?>> reversed = new ArrayList<>(order.tables());
        Collections.reverse(reversed);
        reversed.forEach(t -> dst.deleteFrom(t).execute());

        Map<String, Integer> copied = new LinkedHashMap<>();
        int index = 0;
        for (Table<?> table : order.tables()) {
            index++;
            int rows = src.fetchCount(table);
            console.accept(String.format(Locale.ROOT, "[%d/%d] %s: %,d rows", index, order.tables().size(),
                    table.getName(), rows));
            copied.put(table.getName(), copyRows(table, order.selfReferencesOf(table), src, dst, console));
        }
        return copied;
    }

    private static <R extends Record> int copyRows(Table<R> table, List<Field<?>> later, DSLContext src,
            DSLContext dst, Consumer<String> console) {
        Field<?>[] fields = table.fields();
        int[] deferred = later.stream().mapToInt(f -> Arrays.asList(fields).indexOf(table.field(f))).toArray();
        Query insert = dst.insertInto(table).columns(fields).values(new Object[fields.length]);
        UniqueKey<R> primaryKey = table.getPrimaryKey();
        ResultQuery<R> select = primaryKey == null ? src.selectFrom(table)
                : src.selectFrom(table).orderBy(primaryKey.getFields());
        int count = 0;
        try (Cursor<R> rows = select.fetchSize(BATCH).fetchLazy()) {
            while (rows.hasNext()) {
                BatchBindStep batch = dst.batch(insert);
                for (R row : rows.fetchNext(BATCH)) {
                    Object[] values = row.intoArray();
                    for (int i : deferred) {
                        values[i] = null;
                    }
                    batch.bind(values);
                    count++;
                }
                batch.execute();
                if (count % REPORT_EVERY < BATCH && count >= REPORT_EVERY) {
                    console.accept(String.format(Locale.ROOT, "      %,d rows", count));
                }
            }
        }
        for (Field<?> column : later) {
            writeSelfReference(table, column, src, dst);
        }
        return count;
    }

    /** A column pointing at rows of its own table, written once every row of the table is there. */
    @SuppressWarnings("unchecked")
    private static <R extends Record> void writeSelfReference(Table<R> table, Field<?> column, DSLContext src,
            DSLContext dst) {
        List<TableField<R, ?>> key = table.getPrimaryKey().getFields();
        List<Query> updates = new ArrayList<>();
        for (R row : src.selectFrom(table).where(column.isNotNull()).fetch()) {
            Condition same = DSL.and(key.stream().map(k -> ((Field<Object>) k).eq(row.get(k))).toList());
            updates.add(dst.update(table).set((Field<Object>) column, row.get(column)).where(same));
            if (updates.size() == BATCH) {
                dst.batch(updates).execute();
                updates.clear();
            }
        }
        if (!updates.isEmpty()) {
            dst.batch(updates).execute();
        }
    }

    private static void restartIdentity(DSLContext dst, Table<?> table) {
        Field<?> id = table.getIdentity().getField();
        dst.fetch("select setval(pg_get_serial_sequence({0}, {1}), coalesce(max({2}), 0) + 1, false) from {3}",
                inline(table.getName()), inline(id.getName()), id, table);
    }

    private static void compareCounts(TableOrder order, DSLContext src, DSLContext dst) {
        List<String> differing = new ArrayList<>();
        for (Table<?> table : order.tables()) {
            int expected = src.fetchCount(table);
            int actual = dst.fetchCount(table);
            if (expected != actual) {
                differing.add(table.getName() + " (" + expected + " in the source, " + actual + " copied)");
            }
        }
        if (!differing.isEmpty()) {
            throw new MoveRefused("row counts differ after the copy: " + String.join(", ", differing)
                    + ". Nothing was kept in the target.");
        }
    }

    /** The target was empty before the move; what the migrations created there goes again. */
    private static void dropSchema(TableOrder order, DSLContext dst) {
        List<Table<?>> reversed = new ArrayList<>(order.tables());
        Collections.reverse(reversed);
        reversed.forEach(t -> dst.dropTableIfExists(t).cascade().execute());
        dst.dropTableIfExists(FLYWAY_HISTORY).cascade().execute();
    }
}
