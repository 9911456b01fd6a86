package io.firstpin.follow.internal;

import io.firstpin.event.EventDeleting;
import io.firstpin.event.EventPlanned;
import io.firstpin.event.EventPublished;
import io.firstpin.event.EventRescheduled;
import io.firstpin.event.EventStatus;
import io.firstpin.event.EventStatusChanged;
import io.firstpin.event.Events;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hears a community publish an event (planned as published, or a draft published later), in the publisher's own
 * transaction, and keeps it for its followers' announcements. Only events still to come count: past events entered from a community's history are no news.
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

    /** An event planned as a draft is no news until it is published. */
    @EventListener
    void on(EventPlanned planned) {
        if (planned.event().status() == EventStatus.PUBLISHED) {
            keep(planned.eventId(), planned.event().organizationId(), planned.communityId(), planned.event().startsAt());
        }
    }

    @EventListener
    void on(EventPublished published) {
        keep(published.eventId(), published.organizationId(), published.communityId(), published.startsAt());
    }

    private void keep(long eventId, long organizationId, long communityId, Instant startsAt) {
        Instant now = clock.instant();
        if (startsAt.isAfter(now)) {
            records.published(eventId, organizationId, communityId, startsAt, now);
        }
    }

    /** Followers hear of public events only: one hidden, cancelled or postponed before its announcement is left out. */
    @EventListener
    void on(EventStatusChanged changed) {
        if (!"published".equals(changed.transition())) {
            records.withdraw(changed.eventId());
        }
    }

    @EventListener
    void on(EventDeleting deleting) {
        records.forgetEvent(deleting.eventId());
    }

    @EventListener
    void on(EventRescheduled rescheduled) {
        events.summary(rescheduled.eventId()).ifPresent(e -> records.rescheduled(e.id(), e.startsAt()));
    }
}
