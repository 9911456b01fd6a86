package io.firstpin.history;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The sites whose exports Firstpin reads; in the API by their lower-case names. */
public enum ImportFormat {
    CONNPASS(new ConnpassLayout()),
    DOORKEEPER(new DoorkeeperLayout()),
    MEETUP(new MeetupLayout()),
    /** Any CSV, read through a column mapping. */
    GENERIC(null);

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
        return read(bytes, null);
    }

    /**
     * As {@link #read(byte[])}; a generic CSV is read through the mapping, which must name the column of the name.
     *
     * @throws ImportRejected also for a generic CSV without a mapping or with one that does not fit its header
     */
    public ImportedFile read(byte[] bytes, ColumnMapping mapping) {
        if (layout != null) {
            return layout.read(DecodedText.decode(bytes));
        }
        DecodedText text = DecodedText.decode(bytes);
        List<String> header;
        try {
            header = CsvTable.parse(text.text()).header();
        } catch (ImportRejected rejected) {
            throw rejected.withEncoding(text.encoding());
        }
        if (mapping == null) {
            // a file that is no CSV at all says so first; only a readable one is asked for its mapping
            throw new ImportRejected(List.of(ImportProblem.ofFile("history.generic.unmapped", "name")),
                    text.encoding());
        }
        List<ImportProblem> problems = mapping.problemsWith(header);
        if (!problems.isEmpty()) {
            throw new ImportRejected(problems, text.encoding());
        }
        return new GenericLayout(mapping).read(text);
    }

    /** Whether the file's columns must be mapped before it can be read. */
    public boolean needsMapping() {
        return layout == null;
    }

    /** The formats by their API names, as messages list them. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(ImportFormat::apiName).toList());
    }

    /** The site whose export has this header: the first whose required columns are all there. */
    public static Optional<ImportFormat> recognize(List<String> header) {
        return Arrays.stream(values())
                .filter(f -> f.layout != null && f.layout.required().stream().allMatch(c -> Cells.index(header, c).isPresent()))
                .findFirst();
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
