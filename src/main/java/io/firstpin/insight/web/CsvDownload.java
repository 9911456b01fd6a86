package io.firstpin.insight.web;

import io.firstpin.platform.web.CsvAttachment;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import org.apache.commons.csv.CSVPrinter;

/** The dashboard's CSV downloads: one file name scheme, and {@link CsvAttachment}'s encoding and safe cells. */
final class CsvDownload {

    private CsvDownload() {
    }

    /** A CSV attachment named after the community, the table and the period. */
    static CSVPrinter open(HttpServletResponse response, String slug, String table, Object from, Object to)
            throws IOException {
        return CsvAttachment.open(response, slug + "-" + table + "-" + from + "-" + to + ".csv");
    }

    static Object blankIfNull(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value == null ? "" : value;
    }

    /** Keeps spreadsheet programs from running a title typed as a formula. */
    static String cell(String value) {
        return CsvAttachment.cell(value);
    }
}
