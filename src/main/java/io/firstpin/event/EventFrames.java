package io.firstpin.event;

import static io.firstpin.platform.db.Tables.FRAME;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Select;
import org.springframework.stereotype.Component;

/**
 * Light reads of frames for other modules' hot paths and tasks: one statement each, without loading the frames whole
 * as {@link Events#frames} does.
 */
@Component
public class EventFrames {

    private final DSLContext db;

    EventFrames(DSLContext db) {
        this.db = db;
    }

    /** The event's frames by id, in display order, with their names: what registering needs to find one by reference. */
    public Map<Long, String> names(long eventId) {
        Map<Long, String> names = new LinkedHashMap<>();
        db.select(FRAME.ID, FRAME.NAME).from(FRAME).where(FRAME.EVENT_ID.eq(eventId))
                .orderBy(FRAME.DISPLAY_ORDER, FRAME.ID)
                .forEach(row -> names.put(row.value1(), row.value2()));
        return names;
    }

    /** The event the frame of the organization belongs to; empty for another organization's frame. */
    public Optional<Long> eventOf(long organizationId, long frameId) {
        return db.select(FRAME.EVENT_ID).from(FRAME)
                .where(FRAME.ID.eq(frameId)).and(FRAME.ORGANIZATION_ID.eq(organizationId))
                .fetchOptional(FRAME.EVENT_ID);
    }

    /**
     * Lottery frames whose draw time is {@code now} or earlier, the longest overdue first, but for those the caller's
     * query names: the registration module, which keeps the draws, names the frames drawn already.
     */
    public List<Long> lotteriesDueBy(Instant now, Select<? extends Record1<Long>> except) {
        return db.select(FRAME.ID)
                .from(FRAME)
                .where(FRAME.MODE.eq(FrameMode.LOTTERY.name()))
                .and(FRAME.LOTTERY_AT.le(now.atOffset(ZoneOffset.UTC)))
                .and(FRAME.ID.notIn(except))
                .orderBy(FRAME.LOTTERY_AT, FRAME.ID)
                .fetch(FRAME.ID);
    }
}
