package io.firstpin.follow.internal;

import io.firstpin.event.EventPlanned;
import io.firstpin.event.EventRescheduled;
import io.firstpin.event.Events;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hears a community publish an event, in the publisher's own transaction, and keeps it for its followers'
 * announcements. Only events still to come count: past events entered from a community's history are no news.
 */
@Component
class PublishedEvents {

    private final AnnouncementRecords records;
    private final Events events;
    private final Clock clock;

    PublishedEvents(AnnouncementRecords records, Events events, Clock clock) {
        this.records = records;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(EventPlanned planned) {
        Instant now = clock.instant();
        if (planned.event().startsAt().isAfter(now)) {
            records.published(planned.eventId(), planned.event().organizationId(), planned.communityId(),
                    planned.event().startsAt(), now);
        }
    }

    @EventListener
    void on(EventRescheduled rescheduled) {
        events.summary(rescheduled.eventId()).ifPresent(e -> records.rescheduled(e.id(), e.startsAt()));
    }
}
