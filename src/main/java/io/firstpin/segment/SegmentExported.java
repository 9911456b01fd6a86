package io.firstpin.segment;

import io.firstpin.platform.audit.AuditedAction;
import java.util.Map;

/**
 * A segment's members, with their emails and other identities, were handed out as a file or through the API: for the
 * audit log, by the segment and the number of members.
 *
 * @param format {@code csv} or {@code json}
 */
public record SegmentExported(Long organizationId, long segmentId, int members, String format)
        implements AuditedAction {

    @Override
    public String action() {
        return "segment.exported";
    }

    @Override
    public String target() {
        return "segment " + segmentId;
    }

    @Override
    public Map<String, String> details() {
        return Map.of("members", String.valueOf(members), "format", format);
    }
}
