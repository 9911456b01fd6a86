package io.firstpin.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * A CSV download as every staff page writes it: UTF-8 with a byte order mark, Excel's dialect, and safe cells. Every
 * CSV the application writes is opened here ({@code ArchitectureTests} checks that nothing else makes a printer).
 */
public final class CsvAttachment {

    /**
     * What a spreadsheet reads as the start of a formula: the ASCII signs, their full-width forms (Excel and LibreOffice
     * on a Japanese system take ＝１＋１ as a formula too), the minus sign, and the control characters that split a cell.
     */
    private static final String FORMULA_STARTS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20\u2212";

    private CsvAttachment() {
    }

    /** A CSV attachment named {@code fileName}. */
    public static CSVPrinter open(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8).build().toString());
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        // the byte order mark makes Excel read the file as UTF-8
        writer.write('\uFEFF');
        return new CSVPrinter(writer, CSVFormat.EXCEL);
    }

    /**
     * A CSV written to any writer (a file of a ZIP archive, say) the same way: the byte order mark first, Excel's
     * dialect. The caller closes the writer.
     */
    public static CSVPrinter onto(Writer writer) throws IOException {
        writer.write('\uFEFF');
        return new CSVPrinter(writer, CSVFormat.EXCEL);
    }

    /**
     * Keeps spreadsheet programs from running a text typed as a formula: one that starts with a formula sign, also
     * after spaces (ASCII or full-width), is shown as text by a leading apostrophe.
     */
    public static String cell(String value) {
        if (value == null) {
            return null;
        }
        int first = 0;
        while (first < value.length() && (value.charAt(first) == ' ' || value.charAt(first) == '\u3000')) {
            first++;
        }
        if (first < value.length() && FORMULA_STARTS.indexOf(value.charAt(first)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
