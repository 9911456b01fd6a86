package io.firstpin.segment;

import io.firstpin.platform.audit.AuditedAction;
import java.util.LinkedHashMap;
import java.util.Map;

/** An email went to a segment's members: for the audit log, by ids and counts, never the text or the addresses. */
public record SegmentMessageSent(Long organizationId, long segmentId, long messageId, int recipients, int skipped,
        int optedOut) implements AuditedAction {

    @Override
    public String action() {
        return "segment.emailed";
    }

    @Override
    public String target() {
        return "segment " + segmentId;
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("message", String.valueOf(messageId));
        details.put("recipients", String.valueOf(recipients));
        details.put("withoutEmail", String.valueOf(skipped));
        details.put("optedOut", String.valueOf(optedOut));
        return details;
    }
}
