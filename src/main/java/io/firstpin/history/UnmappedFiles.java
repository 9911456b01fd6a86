package io.firstpin.history;

import java.util.List;

/**
 * A bulk import that cannot start: generic files in it have no column mapping, neither given nor remembered for their
 * header, or one that does not fit their header. Nothing was started; each file is named with its problems.
 */
public class UnmappedFiles extends RuntimeException {

    static final String MAPPING_REQUIRED = "history.bulk.mapping-required";

    private final List<UnmappedFile> files;

    UnmappedFiles(List<UnmappedFile> files) {
        super("unmapped: " + files.stream().map(UnmappedFile::fileName).toList());
        this.files = List.copyOf(files);
    }

    public List<UnmappedFile> files() {
        return files;
    }

    /** One generic file without a mapping that fits it: its place in the job, its name and why. */
    public record UnmappedFile(int position, String fileName, List<ImportProblem> problems) {

        public UnmappedFile {
            problems = List.copyOf(problems);
        }

        /** Whether no mapping was given or remembered at all, rather than one that does not fit. */
        public boolean withoutMapping() {
            return problems.stream().anyMatch(p -> p.code().equals(MAPPING_REQUIRED));
        }
    }
}
