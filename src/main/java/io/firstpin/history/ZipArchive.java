package io.firstpin.history;

import io.firstpin.platform.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The files of an uploaded zip, read as a stream: each file's bytes are handed on as they inflate, never believed from
 * the headers, so that whoever takes them counts them against a budget ({@link BulkUpload}); an entry whose name climbs
 * out of the archive (.., an absolute path) refuses the whole zip; folders and what macOS adds (__MACOSX, .DS_Store,
 * ._ files) are skipped. Names are read as the zip says (UTF-8 when it sets its UTF-8 flag), otherwise as UTF-8 when
 * they are valid UTF-8 and else as CP932, which is what Windows' Explorer writes on a Japanese Windows.
 */
final class ZipArchive {

    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    /** Takes one file of the zip while it inflates. */
    interface Entries {

        /** Called for every entry, folders and skipped ones included, before anything of it is read. */
        void counted();

        void file(String name, InputStream content) throws IOException;
    }

    private ZipArchive() {
    }

    static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /**
     * Hands every file of the zip to {@code entries}, in order.
     *
     * @throws InvalidInputException for a path out of the zip, a zip that cannot be read, or no file in it; and
     *         whatever {@code entries} throws
     */
    static void read(InputStream zip, Entries entries) {
        int files = 0;
        // ISO-8859-1 keeps the bytes of a name without the UTF-8 flag, so they can be decoded properly below
        try (ZipInputStream in = new ZipInputStream(zip, StandardCharsets.ISO_8859_1)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.counted();
                String name = name(entry.getName());
                if (escapes(name)) {
                    throw InvalidInputException.of("files", "history.zip.path", name);
                }
                if (entry.isDirectory() || skipped(name)) {
                    continue;
                }
                entries.file(name, in);
                files++;
            }
        } catch (ZipException | IllegalArgumentException broken) {
            throw InvalidInputException.of("files", "history.zip.broken");
        } catch (IOException e) {
            throw InvalidInputException.of("files", "history.zip.broken");
        }
        if (files == 0) {
            throw InvalidInputException.of("files", "history.zip.empty");
        }
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
