package io.firstpin.registration;

import io.firstpin.platform.audit.AuditedAction;
import java.util.Map;

/** An event's registrants, with their names and emails, were downloaded by staff: for the audit log, by count. */
public record RegistrationsExported(Long organizationId, long eventId, int registrations) implements AuditedAction {

    @Override
    public String action() {
        return "registrations.exported";
    }

    @Override
    public String target() {
        return "event " + eventId;
    }

    @Override
    public Map<String, String> details() {
        return Map.of("registrations", String.valueOf(registrations), "format", "csv");
    }
}
