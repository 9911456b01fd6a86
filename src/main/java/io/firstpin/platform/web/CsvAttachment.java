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

/** A CSV download as every staff page writes it: UTF-8 with a byte order mark, Excel's dialect, and safe cells. */
public final class CsvAttachment {

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

    /** Keeps spreadsheet programs from running a text typed as a formula. */
    public static String cell(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
