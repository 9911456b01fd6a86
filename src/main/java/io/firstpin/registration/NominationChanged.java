package io.firstpin.registration;

import io.firstpin.platform.audit.AuditedAction;
import java.util.Map;

/** Staff nominated an applicant of a lottery frame to win before the draw, or took the nomination back. */
public record NominationChanged(Long organizationId, long frameId, long registrationId, boolean nominated)
        implements AuditedAction {

    @Override
    public String action() {
        return nominated ? "lottery.nominated" : "lottery.nomination-withdrawn";
    }

    @Override
    public String target() {
        return "registration " + registrationId;
    }

    @Override
    public Map<String, String> details() {
        return Map.of("frame", Long.toString(frameId));
    }
}
