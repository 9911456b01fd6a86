package io.firstpin.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * How one site's export is laid out: the columns it must have, the ones it may have, and what a row means. Every
 * column it does not know is a questionnaire question. Reading checks the whole file and reports every problem.
 */
abstract class ExportLayout {

    static final int MAX_QUESTION = 200;
    static final int MAX_ANSWER = 1000;
    static final int MAX_FRAME = 100;
    static final int MAX_NAME = 200;

    /** Columns the file must have. */
    abstract List<Column> required();

    /** Every column the layout knows; the others are questions. */
    abstract List<Column> known();

    /** The column that names the person, where a person listed twice is reported. */
    abstract Column person();

    /** The row, or null when reading it found problems. */
    abstract ImportedRow row(Cells cells, List<String> answers);

    final ImportedFile read(DecodedText text) {
        try {
            return read(CsvTable.parse(text.text()), text.encoding());
        } catch (ImportRejected rejected) {
            throw rejected.withEncoding(text.encoding());
        }
    }

    private ImportedFile read(CsvTable table, String encoding) {
        List<String> header = table.header();
        List<ImportProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : header) {
            if (!name.isEmpty() && !seen.add(name.toLowerCase(Locale.ROOT))) {
                problems.add(ImportProblem.ofCell(1, name, "history.column.duplicate", name));
            }
        }
        for (Column column : required()) {
            if (Cells.index(header, column).isEmpty()) {
                problems.add(ImportProblem.ofCell(1, column.shown(), "history.column.missing", column.shown()));
            }
        }
        List<Integer> questionColumns = IntStream.range(0, header.size())
                .filter(i -> !header.get(i).isEmpty() && known().stream().noneMatch(c -> c.matches(header.get(i))))
                .boxed().toList();
        for (int column : questionColumns) {
            if (header.get(column).length() > MAX_QUESTION) {
                problems.add(ImportProblem.ofCell(1, header.get(column), "history.question.too-long", MAX_QUESTION));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRejected(problems, encoding);
        }
        List<CsvTable.CsvRow> filled = table.rows().stream().filter(r -> !r.blank()).toList();
        if (filled.isEmpty()) {
            throw new ImportRejected(List.of(ImportProblem.ofFile("history.file.no-rows")), encoding);
        }
        List<ImportedRow> rows = new ArrayList<>();
        Map<String, Integer> firstRowOf = new HashMap<>();
        Cells.Header columns = new Cells.Header(header);
        for (CsvTable.CsvRow csvRow : filled) {
            if (csvRow.values().size() != header.size()) {
                problems.add(ImportProblem.ofRow(csvRow.row(), "history.row.width", csvRow.values().size(),
                        header.size()));
                continue;
            }
            Cells cells = new Cells(csvRow, columns, problems);
            List<String> answers = new ArrayList<>();
            for (int column : questionColumns) {
                String answer = cells.value(column);
                if (answer.length() > MAX_ANSWER) {
                    cells.problemAt(column, "history.cell.too-long", MAX_ANSWER);
                }
                answers.add(answer);
            }
            ImportedRow row = row(cells, answers);
            if (row == null || cells.faulty()) {
                continue;
            }
            Integer first = firstRowOf.putIfAbsent(row.person().key(), row.row());
            if (first != null) {
                cells.problem(person(), "history.cell.listed-twice", first);
                continue;
            }
            rows.add(row);
        }
        if (!problems.isEmpty()) {
            throw new ImportRejected(problems, encoding);
        }
        return new ImportedFile(encoding, questionColumns.stream().map(header::get).toList(), rows);
    }
}
