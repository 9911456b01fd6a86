package io.firstpin.event;

import io.firstpin.platform.geo.Prefecture;
import java.time.Instant;
import java.util.Optional;

/**
 * The few facts about an event that registration and emails need, read in one query without the agenda; for the hot
 * path of a registration rush.
 *
 * @param parentEventId the event this one is a sub-event of (its registrants must be confirmed there), or null
 */
public record EventSummary(long id, long organizationId, long communityId, String communityName, String timeZone,
        String title, Instant startsAt, Instant endsAt, boolean online, String venueName, Prefecture prefecture,
        String city, RegistrationWindow registrationWindow, Long parentEventId) {

    public boolean registrationOpen(Instant now) {
        return registrationWindow.isOpen(now, endsAt);
    }

    public Optional<Prefecture> prefectureIfAny() {
        return Optional.ofNullable(prefecture);
    }
}
