package io.firstpin.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The export files under {@code src/test/resources/imports}, and the shapes of broken files no site would write. */
public final class ExportFiles {

    private ExportFiles() {
    }

    /** A connpass study session: UTF-8 with BOM, CRLF, questionnaire answers with line breaks, withdrawn users. */
    public static byte[] connpassStudySession() {
        return resource("connpass_participants_bom_crlf.csv");
    }

    /** An export from before connpass added 利用開始日: UTF-8 without BOM, LF, slashes in dates, blank lines at the end. */
    public static byte[] connpassOldExport() {
        return resource("connpass_participants_old_lf.csv");
    }

    /** A connpass export saved again by Excel on a Japanese Windows, in CP932 (with 髙, ① and ～). */
    public static byte[] connpassSavedByExcel() {
        return new String(resource("connpass_participants_cp932_source.csv"), StandardCharsets.UTF_8)
                .getBytes(Charset.forName("windows-31j"));
    }

    public static byte[] doorkeeperAttendees() {
        return resource("doorkeeper_attendees.csv");
    }

    public static byte[] meetupAttendees() {
        return resource("meetup_attendees.csv");
    }

    /** Unknown status, a user name with a space, a bad date, a missing frame, an unknown attendance, a person twice. */
    public static byte[] connpassWithBrokenCells() {
        return resource("connpass_broken_cells.csv");
    }

    public static byte[] connpassWithoutUserNameAndStatus() {
        return resource("connpass_missing_columns.csv");
    }

    /** Row 3 opens a quote that is never closed. */
    public static byte[] connpassWithUnclosedQuote() {
        return resource("connpass_unclosed_quote.csv");
    }

    /** The first bytes of an .xlsx workbook, a zip archive: what arrives when someone uploads the spreadsheet itself. */
    public static byte[] spreadsheetInsteadOfCsv() {
        return new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0, 'x', 'l', '/'};
    }

    /** The study session with one more registration, as connpass exports the event a day later. */
    public static byte[] connpassStudySessionWithLateRegistration() {
        String text = new String(connpassStudySession(), StandardCharsets.UTF_8).stripTrailing();
        return (text + "\r\n\"一般枠\",\"late_comer\",\"遅刻 者\",\"2023-01-01\",\"\",\"補欠\",\"\",\"\",\"\",\"\","
                + "\"2024-05-09 22:00:00\",\"1009\"\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A list from no known site: 氏名, メール, connpass ID, 状態 (参加, 補欠, キャンセル), 来場 (○), 受付時刻, 枠, 申込日時, 一言. */
    public static byte[] genericList() {
        return resource("generic_participants.csv");
    }

    /** The generic list of another event: the same header, other people, one with a status nobody mapped. */
    public static byte[] genericListOfTheNextEvent(String status) {
        String header = new String(genericList(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        return (header + "\n高橋 三郎,saburo@example.com,,参加,○,2024-06-14 19:10,一般,2024-06-01 10:00,\n"
                + "伊藤 四郎,shiro@example.com,," + status + ",,,一般,2024-06-02 10:00,\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) {
        try (InputStream in = ExportFiles.class.getResourceAsStream("/imports/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
