package io.firstpin.registration;

import java.util.Set;

/** Which registrations of an event have checked in; attendance answers it. */
public interface AttendanceLookup {

    Set<Long> checkedInRegistrations(long eventId);
}
