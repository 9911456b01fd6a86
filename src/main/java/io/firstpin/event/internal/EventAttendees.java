package io.firstpin.event.internal;

import io.firstpin.attendee.Attendees;
import io.firstpin.event.Event;
import org.springframework.data.relational.core.mapping.event.AfterSaveCallback;
import org.springframework.stereotype.Component;

/** An event that moved in time or to another community belongs elsewhere in every member's walk. */
@Component
class EventAttendees implements AfterSaveCallback<Event> {

    private final Attendees attendees;

    EventAttendees(Attendees attendees) {
        this.attendees = attendees;
    }

    @Override
    public Event onAfterSave(Event event) {
        attendees.eventChanged(event.id());
        return event;
    }
}
