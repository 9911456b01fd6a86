package io.firstpin.event;

import io.firstpin.platform.geo.Prefecture;
import java.time.Instant;
import java.util.Optional;

/**
 * The few facts about an event that registration and emails need, read in one query without the agenda; for the hot
 * path of a registration rush.
 *
 * @param takingRegistrations published, or postponed to a known date; a draft, a hidden or cancelled event and one
 *        postponed to a date still undecided take none
 */
public record EventSummary(long id, long organizationId, long communityId, String communityName, String timeZone,
        String title, Instant startsAt, Instant endsAt, boolean online, String venueName, Prefecture prefecture,
        String city, RegistrationWindow registrationWindow, boolean takingRegistrations) {

    /** Whether a registration made at {@code now} is taken (see {@link Event#registrationOpen}). */
    public boolean registrationOpen(Instant now) {
        return takingRegistrations && registrationWindow.isOpen(now, endsAt);
    }

    /** When registration opens, if that is still to come; the registration call answers it with its 409. */
    public Optional<Instant> opensLater(Instant now) {
        Instant opensAt = registrationWindow.opensAt();
        return takingRegistrations && opensAt != null && now.isBefore(opensAt) ? Optional.of(opensAt) : Optional.empty();
    }

    public Optional<Prefecture> prefectureIfAny() {
        return Optional.ofNullable(prefecture);
    }
}
