package io.firstpin.event;

import static io.firstpin.platform.db.Tables.FRAME;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How full each event of a list is (申込/定員): its frames' capacity added up, and its registrations as the
 * registration module counts them through {@link FrameOccupancy}, in two grouped queries for the whole list.
 */
@Service
public class EventSeats {

    private final DSLContext db;
    private final FrameOccupancy occupancy;

    EventSeats(DSLContext db, FrameOccupancy occupancy) {
        this.db = db;
        this.occupancy = occupancy;
    }

    /** The seats of each event; an event with no frame is missing. */
    @Transactional(readOnly = true)
    public Map<Long, Seats> of(Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Integer> capacity = new HashMap<>();
        Set<Long> unlimited = new HashSet<>();
        db.select(FRAME.EVENT_ID, DSL.sum(FRAME.CAPACITY), DSL.count(), DSL.count(FRAME.CAPACITY))
                .from(FRAME)
                .where(FRAME.EVENT_ID.in(eventIds))
                .groupBy(FRAME.EVENT_ID)
                .forEach(row -> {
                    long event = row.value1();
                    // one frame without a capacity makes the whole event open-ended
                    if (!row.value3().equals(row.value4())) {
                        unlimited.add(event);
                    }
                    capacity.put(event, row.value2() == null ? 0 : row.value2().intValue());
                });
        Map<Long, FrameOccupancy.Counts> counts = occupancy.ofEvents(eventIds);
        Map<Long, Seats> seats = new HashMap<>();
        capacity.forEach((event, seatsInAll) -> {
            FrameOccupancy.Counts taken = counts.getOrDefault(event, FrameOccupancy.Counts.NONE);
            seats.put(event, new Seats(taken.confirmed(), taken.waitlisted(), taken.applied(),
                    unlimited.contains(event) ? null : seatsInAll));
        });
        return seats;
    }

    /**
     * An event's confirmed seats, waitlist and lottery applicants against its capacity (null when a frame has none).
     */
    public record Seats(int confirmed, int waitlisted, int applied, Integer capacity) {

        public boolean full() {
            return capacity != null && confirmed >= capacity;
        }
    }
}
