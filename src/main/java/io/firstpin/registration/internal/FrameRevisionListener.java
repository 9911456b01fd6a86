package io.firstpin.registration.internal;

import io.firstpin.event.Events;
import io.firstpin.event.Frame;
import io.firstpin.event.FramesRevised;
import io.firstpin.registration.Registrations;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A frame whose capacity grew confirms its waiting registrants at once, in the same transaction as the edit. */
@Component
class FrameRevisionListener {

    private final Registrations registrations;
    private final Events events;

    FrameRevisionListener(Registrations registrations, Events events) {
        this.registrations = registrations;
        this.events = events;
    }

    @EventListener
    void on(FramesRevised revised) {
        for (Frame frame : events.frames(revised.eventId())) {
            registrations.promoteWaiting(frame.id());
        }
    }
}
