package io.firstpin.registration.internal;

import io.firstpin.attendee.Attendees;
import io.firstpin.registration.Registration;
import org.springframework.data.relational.core.mapping.event.AfterSaveCallback;
import org.springframework.stereotype.Component;

/** Every saved registration may change who counts as its event's attendee: whatever path saved it. */
@Component
class RegistrationAttendees implements AfterSaveCallback<Registration> {

    private final Attendees attendees;

    RegistrationAttendees(Attendees attendees) {
        this.attendees = attendees;
    }

    @Override
    public Registration onAfterSave(Registration registration) {
        attendees.attendanceChanged(registration.eventId(), registration.memberId());
        return registration;
    }
}
