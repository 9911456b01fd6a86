package io.firstpin.event;

import static io.firstpin.platform.db.Tables.EVENT;

import io.firstpin.event.internal.EventRepository;
import io.firstpin.event.internal.FrameRepository;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves an event through its lifecycle: draft → published, hidden, cancelled (中止), postponed (延期), or deleted.
 *
 * <p>Each transition first locks the event's row, then reads the event and changes it in the same transaction. Two
 * requests for one event (a double submit, or two app instances) are decided one after the other by the database:
 * the second reads the status the first wrote and is refused, so whatever a transition sets off (an announcement, an
 * email to everyone registered, seats freed) happens once.
 */
@Service
public class EventLifecycle {

    private final EventRepository events;
    private final FrameRepository frames;
    private final FrameOccupancy occupancy;
    private final DSLContext db;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    EventLifecycle(EventRepository events, FrameRepository frames, FrameOccupancy occupancy, DSLContext db,
            ApplicationEventPublisher publisher, Clock clock) {
        this.events = events;
        this.frames = frames;
        this.occupancy = occupancy;
        this.db = db;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Makes a draft public and announces it to the community's followers; shows a hidden event again. */
    @Transactional
    public Event publish(long organizationId, long eventId) {
        return change(organizationId, eventId, (event, now) -> event.publish(now));
    }

    /** Takes a published event off every public page, its registrations kept. */
    @Transactional
    public Event hide(long organizationId, long eventId) {
        return change(organizationId, eventId, (event, now) -> event.hide());
    }

    /** Cancels the event (中止): every registration ends, and everyone who was registered is told once. */
    @Transactional
    public Event cancel(long organizationId, long eventId) {
        return change(organizationId, eventId, Event::cancel);
    }

    /**
     * Postpones the event (延期) to a new start ({@code newEnd} optional), or with the new date undecided
     * ({@code newStart} null); registrations stay, and everyone registered is told once.
     */
    @Transactional
    public Event postpone(long organizationId, long eventId, Instant newStart, Instant newEnd) {
        return change(organizationId, eventId, (event, now) -> event.postpone(newStart, newEnd, now));
    }

    /**
     * Deletes a draft or a mistaken event nobody registered for, with its agenda and frames; the modules that keep rows
     * about it remove theirs first ({@link EventDeleting}). An event with registrations, or with records such as
     * reports that are worth keeping, is refused: it can be hidden or cancelled instead.
     */
    @Transactional
    public void delete(long organizationId, long eventId) {
        Event event = locked(organizationId, eventId);
        boolean registered = occupancy.ofEvent(eventId).values().stream().anyMatch(counts -> counts.total() > 0);
        event.requireDeletable(registered);
        publisher.publishEvent(new EventDeleting(organizationId, eventId));
        publisher.publishEvent(new EventStatusChanged(organizationId, eventId, "deleted", event.status()));
        try {
            frames.deleteAll(frames.findByEventIdOrderByDisplayOrder(eventId));
            events.delete(event);
        } catch (DataIntegrityViolationException kept) {
            throw new ConflictException("event", "event.lifecycle.delete-has-records");
        }
    }

    private Event change(long organizationId, long eventId, BiConsumer<Event, Instant> transition) {
        Event event = locked(organizationId, eventId);
        transition.accept(event, clock.instant());
        return events.save(event);
    }

    /** The event read after its row is locked, so that it shows what the last transition committed. */
    private Event locked(long organizationId, long eventId) {
        db.select(EVENT.ID).from(EVENT)
                .where(EVENT.ID.eq(eventId).and(EVENT.ORGANIZATION_ID.eq(organizationId)))
                .forUpdate().fetch();
        return events.findByOrganizationIdAndId(organizationId, eventId)
                .orElseThrow(() -> NotFoundException.of("event", eventId));
    }
}
