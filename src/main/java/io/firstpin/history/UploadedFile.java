package io.firstpin.history;

/** One file of a bulk import as it arrived: uploaded on its own or taken out of a zip, with its name there. */
public record UploadedFile(String name, byte[] content) {
}
