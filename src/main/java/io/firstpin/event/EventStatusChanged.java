package io.firstpin.event;

import io.firstpin.platform.audit.AuditedAction;
import java.util.Map;

/** Staff moved an event through its lifecycle (published, hidden, cancelled, postponed, deleted): for the audit log. */
public record EventStatusChanged(Long organizationId, long eventId, String transition, EventStatus from)
        implements AuditedAction {

    @Override
    public String action() {
        return "event." + transition;
    }

    @Override
    public String target() {
        return "event " + eventId;
    }

    @Override
    public Map<String, String> details() {
        return Map.of("from", from.apiName());
    }
}
