package io.firstpin.history;

import java.util.List;
import java.util.Optional;

/** One file of a bulk import: queued, or imported (into which event, with its counts), or refused with its problems. */
public record BulkFileResult(int position, String fileName, ImportFormat format, Long eventId, String newTitle,
        ImportState state, boolean eventCreated, ImportSummary summary, List<ImportProblem> problems,
        String encoding) {

    public Optional<ImportRejected> rejection() {
        return state == ImportState.REJECTED ? Optional.of(new ImportRejected(problems, encoding))
                : Optional.empty();
    }
}
