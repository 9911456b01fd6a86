package io.firstpin.history;

import io.firstpin.platform.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The files of an uploaded zip, read safely: sizes are counted as the bytes come out, not believed from the headers,
 * so a zip bomb stops at the limit; an entry whose name climbs out of the archive (.., an absolute path) refuses the
 * whole zip; folders and what macOS adds (__MACOSX, .DS_Store, ._ files) are skipped. Names are read as the zip says
 * (UTF-8 when it sets its UTF-8 flag), otherwise as UTF-8 when they are valid UTF-8 and else as CP932, which is what
 * Windows' Explorer writes on a Japanese Windows.
 */
public final class ZipArchive {

    static final int MAX_ENTRIES = 500;
    static final long MAX_ENTRY_BYTES = 50L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 200L * 1024 * 1024;

    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    private ZipArchive() {
    }

    public static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    /** @throws InvalidInputException for a zip too large, with too many files, a path out of it, or no file at all */
    public static List<UploadedFile> files(byte[] zip) {
        return files(zip, MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_TOTAL_BYTES);
    }

    static List<UploadedFile> files(byte[] zip, int maxEntries, long maxEntryBytes, long maxTotalBytes) {
        List<UploadedFile> files = new ArrayList<>();
        long total = 0;
        int entries = 0;
        // ISO-8859-1 keeps the bytes of a name without the UTF-8 flag, so they can be decoded properly below
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.ISO_8859_1)) {
            ZipEntry entry;
            byte[] buffer = new byte[64 * 1024];
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > maxEntries) {
                    throw InvalidInputException.of("files", "history.zip.too-many", maxEntries);
                }
                String name = name(entry.getName());
                if (escapes(name)) {
                    throw InvalidInputException.of("files", "history.zip.path", name);
                }
                if (entry.isDirectory() || skipped(name)) {
                    continue;
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                long size = 0;
                int read;
                while ((read = in.read(buffer)) > 0) {
                    size += read;
                    total += read;
                    if (size > maxEntryBytes) {
                        throw InvalidInputException.of("files", "history.zip.file-too-large", name,
                                maxEntryBytes / (1024 * 1024));
                    }
                    if (total > maxTotalBytes) {
                        throw InvalidInputException.of("files", "history.zip.too-large", maxTotalBytes / (1024 * 1024));
                    }
                    content.write(buffer, 0, read);
                }
                files.add(new UploadedFile(name, content.toByteArray()));
            }
        } catch (ZipException | IllegalArgumentException broken) {
            throw InvalidInputException.of("files", "history.zip.broken");
        } catch (IOException e) {
            throw InvalidInputException.of("files", "history.zip.broken");
        }
        if (files.isEmpty()) {
            throw InvalidInputException.of("files", "history.zip.empty");
        }
        return files;
    }

    private static String name(String read) {
        boolean flagged = read.chars().anyMatch(c -> c > 0xFF);
        if (flagged) {
            return read;
        }
        byte[] raw = read.getBytes(StandardCharsets.ISO_8859_1);
        return strictly(StandardCharsets.UTF_8, raw).orElseGet(() -> strictly(WINDOWS_31J, raw).orElse(read));
    }

    private static java.util.Optional<String> strictly(Charset charset, byte[] bytes) {
        try {
            return java.util.Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return java.util.Optional.empty();
        }
    }

    private static boolean escapes(String name) {
        String path = name.replace('\\', '/');
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static boolean skipped(String name) {
        String path = name.replace('\\', '/');
        String last = path.substring(path.lastIndexOf('/') + 1);
        return path.startsWith("__MACOSX/") || last.isEmpty() || last.startsWith("._")
                || last.toLowerCase(Locale.ROOT).equals(".ds_store") || last.equalsIgnoreCase("thumbs.db");
    }
}
