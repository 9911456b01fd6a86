package io.firstpin.registration.internal;

import static io.firstpin.platform.db.Tables.REGISTRATION;

import io.firstpin.event.FrameOccupancy;
import io.firstpin.registration.RegistrationStatus;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Counts an event's registrations per frame and status in one grouped query. */
@Component
class RegistrationCounts implements FrameOccupancy {

    private final DSLContext db;

    RegistrationCounts(DSLContext db) {
        this.db = db;
    }

    @Override
    public Map<Long, Counts> ofEvent(long eventId) {
        var count = DSL.count();
        Map<Long, int[]> raw = new HashMap<>();
        db.select(REGISTRATION.FRAME_ID, REGISTRATION.STATUS, count)
                .from(REGISTRATION)
                .where(REGISTRATION.EVENT_ID.eq(eventId))
                .groupBy(REGISTRATION.FRAME_ID, REGISTRATION.STATUS)
                .forEach(row -> {
                    int[] tally = raw.computeIfAbsent(row.get(REGISTRATION.FRAME_ID), id -> new int[3]);
                    String status = row.get(REGISTRATION.STATUS);
                    if (RegistrationStatus.CONFIRMED.name().equals(status)) {
                        tally[0] += row.get(count);
                    } else if (RegistrationStatus.WAITLISTED.name().equals(status)) {
                        tally[1] += row.get(count);
                    } else if (RegistrationStatus.APPLIED.name().equals(status)) {
                        tally[2] += row.get(count);
                    }
                });
        Map<Long, Counts> counts = new HashMap<>();
        raw.forEach((frameId, tally) -> counts.put(frameId, new Counts(tally[0], tally[1], tally[2])));
        return counts;
    }

    @Override
    public Map<Long, Counts> ofEvents(Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        var count = DSL.count();
        Map<Long, Counts> counts = new HashMap<>();
        db.select(REGISTRATION.EVENT_ID, REGISTRATION.STATUS, count)
                .from(REGISTRATION)
                .where(REGISTRATION.EVENT_ID.in(eventIds))
                .groupBy(REGISTRATION.EVENT_ID, REGISTRATION.STATUS)
                .forEach(row -> {
                    Counts so = counts.getOrDefault(row.get(REGISTRATION.EVENT_ID), Counts.NONE);
                    int n = row.get(count);
                    String status = row.get(REGISTRATION.STATUS);
                    if (RegistrationStatus.CONFIRMED.name().equals(status)) {
                        so = new Counts(so.confirmed() + n, so.waitlisted(), so.applied());
                    } else if (RegistrationStatus.WAITLISTED.name().equals(status)) {
                        so = new Counts(so.confirmed(), so.waitlisted() + n, so.applied());
                    } else if (RegistrationStatus.APPLIED.name().equals(status)) {
                        so = new Counts(so.confirmed(), so.waitlisted(), so.applied() + n);
                    }
                    counts.put(row.get(REGISTRATION.EVENT_ID), so);
                });
        return counts;
    }
}
