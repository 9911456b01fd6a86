package io.firstpin.history;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV text as a header and rows. Fields may be quoted and hold commas and line breaks; lines may end in CRLF or LF;
 * blank lines at the end are dropped. Rows are numbered as a spreadsheet shows them: the header is row 1, and a field
 * with line breaks stays within its row.
 */
public record CsvTable(List<String> header, List<CsvRow> rows) {

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    public CsvTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** @throws ImportRejected for a file without a header, or at the row where the CSV breaks (an unclosed quote) */
    public static CsvTable parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> header = null;
        List<CsvRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), CSV)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException broken) {
                    int row = (int) parser.getRecordNumber() + 1;
                    String code = String.valueOf(broken.getMessage()).contains("EOF")
                            ? "history.csv.unclosed-quote" : "history.csv.malformed";
                    throw ImportRejected.of(ImportProblem.ofRow(row, code));
                }
                List<String> values = record.toList();
                if (header == null) {
                    header = values.stream().map(String::strip).toList();
                } else {
                    rows.add(new CsvRow((int) record.getRecordNumber(), values));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (header == null || header.stream().allMatch(String::isEmpty)) {
            throw ImportRejected.of(ImportProblem.ofFile("history.file.empty"));
        }
        while (!rows.isEmpty() && rows.get(rows.size() - 1).blank()) {
            rows.remove(rows.size() - 1);
        }
        return new CsvTable(header, rows);
    }

    /** One row of values, numbered as a spreadsheet numbers it. */
    public record CsvRow(int row, List<String> values) {

        public CsvRow {
            values = List.copyOf(values);
        }

        /** The value in this column, stripped, its line breaks as LF; blank when the row is shorter. */
        public String value(int column) {
            return column < values.size() ? values.get(column).replace("\r\n", "\n").strip() : "";
        }

        public boolean blank() {
            return values.stream().allMatch(String::isBlank);
        }
    }
}
