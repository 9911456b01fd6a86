package io.firstpin.audit;

import java.time.Instant;

/**
 * One recorded action. {@code actor} is {@code account 12}, {@code token 5} or {@code system} (a scheduled job or the
 * application's start); {@code details} are the action's facts as {@code key=value} pairs joined by {@code "; "}.
 */
public record AuditEntry(long id, Long organizationId, Instant occurredAt, String action, String target,
        String details, String actor, String clientAddress) {
}
