package io.firstpin.history;

import java.util.List;
import java.util.Objects;

/**
 * A bulk import: where it is while running (file {@code fileAt} of all, at {@code stage}, with {@code fileRows} rows
 * once read), then each file's result.
 */
public record BulkJob(long id, ImportState state, Integer fileAt, ImportStage stage, Integer fileRows,
        List<BulkFileResult> files) {

    public boolean running() {
        return state.running();
    }

    public int percent() {
        if (!running() || fileAt == null || files.isEmpty()) {
            return running() ? 0 : 100;
        }
        return ((fileAt - 1) * 100 + (stage == null ? 0 : stage.percent())) / files.size();
    }

    public String currentFile() {
        return fileAt == null || fileAt > files.size() ? null : files.get(fileAt - 1).fileName();
    }

    public long imported() {
        return files.stream().filter(f -> f.state() == ImportState.DONE).count();
    }

    public long refused() {
        return files.stream().filter(f -> f.state().refused()).count();
    }

    public long eventsCreated() {
        return files.stream().filter(BulkFileResult::eventCreated).count();
    }

    /** The counts of every imported file added up. */
    public BulkTotals total() {
        List<ImportSummary> done = files.stream().map(BulkFileResult::summary).filter(Objects::nonNull).toList();
        return new BulkTotals(done.stream().mapToInt(ImportSummary::rows).sum(),
                done.stream().mapToInt(ImportSummary::registrations).sum(),
                done.stream().mapToInt(ImportSummary::attendances).sum(),
                done.stream().mapToInt(ImportSummary::membersCreated).sum(),
                done.stream().mapToInt(ImportSummary::membersMatched).sum());
    }
}
