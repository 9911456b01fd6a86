package io.firstpin.identity;

import io.firstpin.platform.audit.AuditedAction;
import java.util.LinkedHashMap;
import java.util.Map;

/** An API token was issued; published inside the issuing transaction. Its secret is never part of it. */
public record TokenIssued(Long organizationId, long tokenId, Role role, Long communityId, String expiresAt)
        implements AuditedAction {

    @Override
    public String action() {
        return "token.issued";
    }

    @Override
    public String target() {
        return "token " + tokenId;
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        if (role != null) {
            details.put("role", role.name());
        }
        if (communityId != null) {
            details.put("community", String.valueOf(communityId));
        }
        if (expiresAt != null) {
            details.put("expiresAt", expiresAt);
        }
        return details;
    }
}
