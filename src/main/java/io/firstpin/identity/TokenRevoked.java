package io.firstpin.identity;

import io.firstpin.platform.audit.AuditedAction;
import java.util.Map;

/**
 * An API token was revoked, by a person or because FIRSTPIN_BOOTSTRAP_TOKEN changed ({@code reason}); published inside
 * the revoking transaction.
 */
public record TokenRevoked(Long organizationId, long tokenId, String reason) implements AuditedAction {

    @Override
    public String action() {
        return "token.revoked";
    }

    @Override
    public String target() {
        return "token " + tokenId;
    }

    @Override
    public Map<String, String> details() {
        return Map.of("reason", reason);
    }
}
