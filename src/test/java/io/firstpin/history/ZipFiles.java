package io.firstpin.history;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zips as people make them: on a Japanese Windows (names in CP932, no UTF-8 flag), on macOS, or made to harm. */
public final class ZipFiles {

    private ZipFiles() {
    }

    /** Made by Explorer on a Japanese Windows: names in CP932 without the UTF-8 flag. */
    public static byte[] madeOnJapaneseWindows(Map<String, byte[]> files) {
        return zip(Charset.forName("windows-31j"), files);
    }

    /** Names in UTF-8 with the UTF-8 flag set, as most tools write them today. */
    public static byte[] withUtf8Names(Map<String, byte[]> files) {
        return zip(StandardCharsets.UTF_8, files);
    }

    /** An entry named {@code ../../etc/cron.d/evil.csv} next to a proper file. */
    public static byte[] climbingOutOfTheArchive() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("event_1_participants.csv", ExportFiles.connpassStudySession());
        files.put("../../etc/cron.d/evil.csv", ExportFiles.connpassStudySession());
        return withUtf8Names(files);
    }

    /** A few kilobytes that unpack to {@code megabytes} of zeros. */
    public static byte[] bomb(int megabytes) {
        return bombs(1, megabytes);
    }

    /**
     * {@code files} entries of {@code megabytes} of zeros each ({@code huge.csv}, then {@code huge-2.csv}...), about a
     * thousandth of that packed.
     */
    public static byte[] bombs(int files, int megabytes) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                byte[] zeros = new byte[1024 * 1024];
                for (int file = 1; file <= files; file++) {
                    zip.putNextEntry(new ZipEntry(file == 1 ? "huge.csv" : "huge-" + file + ".csv"));
                    for (int i = 0; i < megabytes; i++) {
                        zip.write(zeros);
                    }
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(Charset names, Map<String, byte[]> files) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out, names)) {
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    zip.putNextEntry(new ZipEntry(file.getKey()));
                    if (!file.getKey().endsWith("/")) {
                        zip.write(file.getValue());
                    }
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
