package io.firstpin.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One file of a bulk import as it arrived: uploaded on its own or taken out of a zip, with its name there. Its bytes
 * are held in memory, or, when it came in through a {@link BulkUpload}, kept on disk and read only when asked for.
 */
public final class UploadedFile {

    private final String name;
    private final byte[] content;
    private final Path spooled;
    private final long size;

    public UploadedFile(String name, byte[] content) {
        this(name, content, null, content.length);
    }

    private UploadedFile(String name, byte[] content, Path spooled, long size) {
        this.name = name;
        this.content = content;
        this.spooled = spooled;
        this.size = size;
    }

    static UploadedFile spooled(String name, Path file, long size) {
        return new UploadedFile(name, null, file, size);
    }

    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    /** The bytes; a spooled file is read from disk each time, so that no more than one is held at once. */
    public byte[] content() {
        if (spooled == null) {
            return content;
        }
        try {
            return Files.readAllBytes(spooled);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
