package io.firstpin.history;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The sites whose exports Firstpin reads; in the API by their lower-case names. */
public enum ImportFormat {
    CONNPASS(new ConnpassLayout()),
    DOORKEEPER(new DoorkeeperLayout()),
    MEETUP(new MeetupLayout());

    private final ExportLayout layout;

    ImportFormat(ExportLayout layout) {
        this.layout = layout;
    }

    /**
     * Reads and checks the whole file: its encoding, its CSV, its columns and every row.
     *
     * @throws ImportRejected with every problem found, by row and column
     */
    public ImportedFile read(byte[] bytes) {
        return layout.read(DecodedText.decode(bytes));
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImportFormat> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(name.strip())).findFirst();
    }
}
