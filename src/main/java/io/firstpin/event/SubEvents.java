package io.firstpin.event;

import static io.firstpin.platform.db.Tables.EVENT;

import io.firstpin.event.internal.EventRepository;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * The sub-events (サブイベント) of an event, such as its 懇親会: each has its own frames and waitlists, and takes only
 * people confirmed for the parent.
 */
@Service
public class SubEvents {

    private final EventRepository events;
    private final DSLContext db;

    SubEvents(EventRepository events, DSLContext db) {
        this.events = events;
        this.db = db;
    }

    /** The event's sub-events in start order (ties by id). */
    public List<Event> of(long parentEventId) {
        return events.findByParentEventIdOrderByStartsAtAscIdAsc(parentEventId);
    }

    /** The ids of the event's sub-events, one indexed query, for the registrations that hang on the parent's seats. */
    public List<Long> idsOf(long parentEventId) {
        return db.select(EVENT.ID).from(EVENT).where(EVENT.PARENT_EVENT_ID.eq(parentEventId)).orderBy(EVENT.ID)
                .fetch(EVENT.ID);
    }
}
