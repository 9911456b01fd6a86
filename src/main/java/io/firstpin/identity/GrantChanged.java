package io.firstpin.identity;

import io.firstpin.platform.audit.AuditedAction;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An account's role in an organization changed: another role, or another place where it holds ({@code communityId}
 * null: the whole organization). Published inside the changing transaction.
 */
public record GrantChanged(Long organizationId, long accountId, Role role, Long communityId, Role previousRole,
        Long previousCommunityId) implements AuditedAction {

    @Override
    public String action() {
        return "grant.changed";
    }

    @Override
    public String target() {
        return "account " + accountId;
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("role", role.name());
        details.put("community", communityId == null ? "all" : String.valueOf(communityId));
        details.put("previousRole", previousRole.name());
        details.put("previousCommunity", previousCommunityId == null ? "all" : String.valueOf(previousCommunityId));
        return details;
    }
}
