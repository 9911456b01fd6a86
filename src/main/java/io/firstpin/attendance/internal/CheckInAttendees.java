package io.firstpin.attendance.internal;

import io.firstpin.attendance.Attendance;
import io.firstpin.attendee.Attendees;
import org.springframework.data.relational.core.mapping.event.AfterSaveCallback;
import org.springframework.data.relational.core.mapping.event.AfterDeleteCallback;
import org.springframework.stereotype.Component;

/** A check-in made or undone changes who counts as its event's attendee, and for a first one, on what basis. */
@Component
class CheckInAttendees implements AfterSaveCallback<Attendance>, AfterDeleteCallback<Attendance> {

    private final Attendees attendees;

    CheckInAttendees(Attendees attendees) {
        this.attendees = attendees;
    }

    @Override
    public Attendance onAfterSave(Attendance attendance) {
        attendees.attendanceChanged(attendance.eventId(), attendance.memberId());
        return attendance;
    }

    @Override
    public Attendance onAfterDelete(Attendance attendance) {
        attendees.attendanceChanged(attendance.eventId(), attendance.memberId());
        return attendance;
    }
}
