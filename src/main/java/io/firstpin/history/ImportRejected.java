package io.firstpin.history;

import java.util.List;
import java.util.Optional;

/** A file that cannot be imported, with every problem found in it; nothing of it was stored. */
public class ImportRejected extends RuntimeException {

    private final List<ImportProblem> problems;
    private final String encoding;

    public ImportRejected(List<ImportProblem> problems, String encoding) {
        super(problems.isEmpty() ? "rejected" : problems.get(0).code());
        this.problems = List.copyOf(problems);
        this.encoding = encoding;
    }

    static ImportRejected of(ImportProblem problem) {
        return new ImportRejected(List.of(problem), null);
    }

    ImportRejected withEncoding(String detected) {
        return new ImportRejected(problems, detected);
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    /** The character encoding detected before the problems were found, when the file got that far. */
    public Optional<String> encoding() {
        return Optional.ofNullable(encoding);
    }
}
