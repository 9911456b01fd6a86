package io.firstpin.history;

import io.firstpin.platform.audit.AuditedAction;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A registration or attendance file was imported into an event: for the audit log, with its counts and the start of
 * its fingerprint, never its name or people (a file name often carries a person's name). Published inside the
 * importing transaction, so a rejected file leaves no entry.
 */
public record HistoryImported(Long organizationId, long eventId, String format, String sha256, ImportSummary summary)
        implements AuditedAction {

    @Override
    public String action() {
        return "history.imported";
    }

    @Override
    public String target() {
        return "event " + eventId;
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("format", format);
        details.put("rows", String.valueOf(summary.rows()));
        details.put("membersCreated", String.valueOf(summary.membersCreated()));
        details.put("membersMatched", String.valueOf(summary.membersMatched()));
        details.put("sha256", sha256.substring(0, Math.min(12, sha256.length())));
        return details;
    }
}
