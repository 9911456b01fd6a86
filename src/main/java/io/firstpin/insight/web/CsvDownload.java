package io.firstpin.insight.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** The dashboard's CSV downloads: one file name scheme, a spreadsheet-friendly encoding, and safe cells. */
final class CsvDownload {

    private CsvDownload() {
    }

    /** A CSV attachment named after the community, the table and the period. */
    static CSVPrinter open(HttpServletResponse response, String slug, String table, Object from, Object to)
            throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(slug + "-" + table + "-" + from + "-" + to + ".csv", StandardCharsets.UTF_8)
                .build().toString());
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        // the byte order mark makes Excel read the file as UTF-8
        writer.write('\uFEFF');
        return new CSVPrinter(writer, CSVFormat.EXCEL);
    }

    static Object blankIfNull(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value == null ? "" : value;
    }

    /** Keeps spreadsheet programs from running a title typed as a formula. */
    static String cell(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
