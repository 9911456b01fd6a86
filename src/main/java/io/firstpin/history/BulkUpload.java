package io.firstpin.history;

import io.firstpin.platform.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The files of one bulk upload, taken in as they arrive and spooled to disk, under one budget for the whole request:
 * how many files it holds (a zip counted by every entry in it), and how many bytes one file and all of them together
 * come to once unpacked, counted as the bytes come out. Fifty small zips that each unpack to gigabytes stop at the
 * budget's bytes, with a message naming the limit, before anything is stored; memory holds a buffer, never a file.
 * Closing it deletes what it spooled.
 */
public final class BulkUpload implements AutoCloseable {

    private static final long MEGABYTE = 1024 * 1024;

    /**
     * @param maxFiles files in one upload, each entry of a zip counted
     * @param maxFileBytes the unpacked size of one file
     * @param maxTotalBytes the unpacked size of every file of the upload together
     */
    public record Budget(int maxFiles, long maxFileBytes, long maxTotalBytes) {

        public Budget {
            if (maxFiles <= 0 || maxFileBytes <= 0 || maxTotalBytes <= 0) {
                throw new IllegalArgumentException("an upload budget allows at least one file and one byte");
            }
        }
    }

    private final Budget budget;
    private final Path directory;
    private final List<UploadedFile> files = new ArrayList<>();
    private int counted;
    private long total;

    private BulkUpload(Budget budget, Path directory) {
        this.budget = budget;
        this.directory = directory;
    }

    /** An empty upload spooling into a directory of its own under the system's temporary directory. */
    public static BulkUpload open(Budget budget) {
        return open(budget, Path.of(System.getProperty("java.io.tmpdir")));
    }

    static BulkUpload open(Budget budget, Path parent) {
        try {
            return new BulkUpload(budget, Files.createTempDirectory(parent, "firstpin-upload-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Takes one uploaded file; a zip (named {@code .zip} and starting like one) is taken as the files in it.
     *
     * @throws InvalidInputException when the upload goes over its budget, or a zip cannot be read, climbs out of
     *         itself or holds no file; the upload is then to be closed and forgotten
     */
    public void add(String name, InputStream content) {
        String given = name == null || name.isBlank() ? "upload.csv" : name;
        BufferedInputStream in = new BufferedInputStream(content);
        if (given.toLowerCase(Locale.ROOT).endsWith(".zip") && ZipArchive.isZip(head(in))) {
            ZipArchive.read(in, new ZipArchive.Entries() {
                @Override
                public void counted() {
                    count();
                }

                @Override
                public void file(String entry, InputStream bytes) throws IOException {
                    spool(entry, bytes);
                }
            });
            return;
        }
        count();
        try {
            spool(given, in);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The files taken so far, in the order they came, their bytes on disk. */
    public List<UploadedFile> files() {
        return List.copyOf(files);
    }

    @Override
    public void close() {
        try (Stream<Path> spooled = Files.walk(directory)) {
            for (Path path : spooled.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] head(BufferedInputStream in) {
        try {
            in.mark(4);
            byte[] head = in.readNBytes(4);
            in.reset();
            return head;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void count() {
        if (++counted > budget.maxFiles()) {
            throw InvalidInputException.of("files", "history.upload.too-many", budget.maxFiles());
        }
    }

    /** Copies the file to disk, counting its bytes; reading fails with IOException, writing with UncheckedIOException. */
    private void spool(String name, InputStream content) throws IOException {
        Path file = directory.resolve(files.size() + ".part");
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int read = content.read(buffer); read != -1; read = content.read(buffer)) {
                size += read;
                total += read;
                if (size > budget.maxFileBytes()) {
                    throw InvalidInputException.of("files", "history.upload.file-too-large", name,
                            budget.maxFileBytes() / MEGABYTE);
                }
                if (total > budget.maxTotalBytes()) {
                    throw InvalidInputException.of("files", "history.upload.too-large",
                            budget.maxTotalBytes() / MEGABYTE);
                }
                write(out, buffer, read);
            }
        }
        files.add(UploadedFile.spooled(name, file, size));
    }

    private static void write(OutputStream out, byte[] buffer, int length) {
        try {
            out.write(buffer, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
