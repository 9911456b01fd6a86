package io.firstpin.history;

import java.util.List;
import java.util.Optional;

/** A single file's import job as the page shows it: running (with its stage), or its counts, or its problems. */
public record ImportJob(long id, String fileName, ImportState state, ImportStage stage, ImportSummary summary,
        List<ImportProblem> problems, String encoding) {

    public boolean waitsForMapping() {
        return state == ImportState.MAPPING;
    }

    public boolean running() {
        return state.running();
    }

    public int percent() {
        return stage == null ? 0 : stage.percent();
    }

    public Optional<ImportRejected> rejection() {
        return state == ImportState.REJECTED ? Optional.of(new ImportRejected(problems, encoding))
                : Optional.empty();
    }
}
