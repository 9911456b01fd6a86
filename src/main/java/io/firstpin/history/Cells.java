package io.firstpin.history;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/** Reads the cells of one row by column, collecting every problem instead of stopping at the first. */
final class Cells {

    private final CsvTable.CsvRow row;
    private final Header header;
    private final List<ImportProblem> problems;
    private int found;

    Cells(CsvTable.CsvRow row, Header header, List<ImportProblem> problems) {
        this.row = row;
        this.header = header;
        this.problems = problems;
        this.found = problems.size();
    }

    static OptionalInt index(List<String> header, Column column) {
        return IntStream.range(0, header.size()).filter(i -> column.matches(header.get(i))).findFirst();
    }

    /** A file's header, finding each column once for all its rows rather than once per cell read. */
    static final class Header {

        private final List<String> names;
        private final Map<Column, OptionalInt> found = new IdentityHashMap<>();

        Header(List<String> names) {
            this.names = names;
        }

        OptionalInt index(Column column) {
            return found.computeIfAbsent(column, c -> Cells.index(names, c));
        }

        String name(int column) {
            return names.get(column);
        }
    }

    int row() {
        return row.row();
    }

    boolean has(Column column) {
        return header.index(column).isPresent();
    }

    /** The cell's value, blank when the file has no such column. */
    String text(Column column) {
        OptionalInt at = header.index(column);
        return at.isPresent() ? row.value(at.getAsInt()) : "";
    }

    String value(int column) {
        return row.value(column);
    }

    String required(Column column) {
        String value = text(column);
        if (value.isEmpty()) {
            problem(column, "history.cell.required");
        }
        return value;
    }

    String requiredWithin(Column column, int maxLength) {
        String value = required(column);
        if (value.length() > maxLength) {
            problem(column, "history.cell.too-long", maxLength);
        }
        return value;
    }

    /** Empty when blank; a value that is no date and time is a problem. */
    Optional<StatedTime> time(Column column) {
        String value = text(column);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<StatedTime> parsed = StatedTime.parse(value);
        if (parsed.isEmpty()) {
            problem(column, "history.cell.date", value);
        }
        return parsed;
    }

    void problem(Column column, String code, Object... args) {
        OptionalInt at = header.index(column);
        problems.add(ImportProblem.ofCell(row.row(), at.isPresent() ? header.name(at.getAsInt()) : column.shown(), code,
                args));
    }

    void problemAt(int column, String code, Object... args) {
        problems.add(ImportProblem.ofCell(row.row(), header.name(column), code, args));
    }

    /** Whether reading this row found any problem. */
    boolean faulty() {
        return problems.size() > found;
    }
}
