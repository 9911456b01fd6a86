package io.firstpin.output;

import io.firstpin.platform.audit.AuditedAction;
import java.util.LinkedHashMap;
import java.util.Map;

/** A file of outputs (posts, slides, videos) was imported into a community: for the audit log, by its counts. */
public record OutputsImported(Long organizationId, long communityId, OutputImportSummary summary)
        implements AuditedAction {

    @Override
    public String action() {
        return "output.imported";
    }

    @Override
    public String target() {
        return "community " + communityId;
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("rows", String.valueOf(summary.rows()));
        details.put("outputs", String.valueOf(summary.outputs()));
        details.put("linked", String.valueOf(summary.linked()));
        return details;
    }
}
