package io.firstpin.community;

import io.firstpin.platform.audit.AuditedAction;
import java.util.Map;

/**
 * A community was started or its settings changed: for the audit log, with the community it branches from, since a
 * role held in that community reaches its branches too.
 *
 * @param change {@code started} or {@code described}
 */
public record CommunityChanged(Long organizationId, long communityId, String change, Long parentId)
        implements AuditedAction {

    @Override
    public String action() {
        return "community." + change;
    }

    @Override
    public String target() {
        return "community " + communityId;
    }

    @Override
    public Map<String, String> details() {
        return Map.of("branchOf", parentId == null ? "none" : String.valueOf(parentId));
    }
}
