package io.firstpin.platform.audit;

import java.util.Map;

/**
 * A domain event that belongs in an organization's audit log. Any module publishes its own events implementing this;
 * the audit log records each one with who did it, when and from where, so that no writer has to remember to.
 */
public interface AuditedAction {

    /** The organization whose log shows it; null for an instance-wide action (an instance administrator's). */
    Long organizationId();

    /** What was done, as a stable code: {@code invitation.sent}, {@code token.revoked}, {@code member.erased}. */
    String action();

    /** What it was done to, by id and never by personal data: {@code account 12}, {@code member 381}. */
    String target();

    /** Further facts worth keeping (counts, a role, a community), again without personal data. */
    default Map<String, String> details() {
        return Map.of();
    }
}
