package io.firstpin.history;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** What became of one file of a bulk import, as kept in its row's {@code result} column. */
record BulkFileOutcome(Long eventId, boolean eventCreated, ImportSummary summary, List<ImportProblem> problems,
        String encoding) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final BulkFileOutcome NONE = new BulkFileOutcome(null, false, null, null, null);

    static BulkFileOutcome imported(HistoryImports.IntoEvent done) {
        return new BulkFileOutcome(done.eventId(), done.eventCreated(), done.summary(), null, null);
    }

    static BulkFileOutcome rejected(ImportRejected rejected) {
        return new BulkFileOutcome(null, false, null, rejected.problems(), rejected.encoding().orElse(null));
    }

    /** The outcome kept in a row, none while the file is still queued. */
    static BulkFileOutcome read(String json) {
        return json == null ? NONE : JSON.readValue(json, BulkFileOutcome.class);
    }

    String json() {
        return JSON.writeValueAsString(this);
    }
}
