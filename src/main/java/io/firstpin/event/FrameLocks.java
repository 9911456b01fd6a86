package io.firstpin.event;

import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.FRAME;

import io.firstpin.platform.NotFoundException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Locks a frame's row for a decision about its seats, until the transaction ends, and reads in the same statement what
 * that decision needs of the frame and its event as they are now: every decision about a frame is taken under this
 * lock, so concurrent requests, on one instance or several, are decided one after another, and a registration that
 * waited for it while the event was cancelled or postponed (which locks its frames too) sees the event's new status.
 * Only the frame's row is locked: the event's columns are read through subqueries, which no database locks.
 */
@Component
public class FrameLocks {

    private final DSLContext db;

    FrameLocks(DSLContext db) {
        this.db = db;
    }

    /** @throws NotFoundException when the frame is gone */
    public LockedFrame lock(long frameId, Instant now) {
        return db.select(FRAME.CAPACITY, FRAME.MODE, ofEvent(EVENT.STATUS), ofEvent(EVENT.DATE_UNDECIDED),
                        ofEvent(EVENT.REGISTRATION_OPENS_AT), ofEvent(EVENT.REGISTRATION_CLOSES_AT),
                        ofEvent(EVENT.ENDS_AT), ofEvent(EVENT.ONLINE_URL))
                .from(FRAME)
                .where(FRAME.ID.eq(frameId))
                .forUpdate()
                .fetchOptional(row -> new LockedFrame(row.value1(), FrameMode.valueOf(row.value2()),
                        Event.takesRegistrations(EventStatus.valueOf(row.value3()), row.value4())
                                && new RegistrationWindow(instant(row.value5()), instant(row.value6()))
                                        .isOpen(now, row.value7().toInstant()),
                        row.value8()))
                .orElseThrow(() -> NotFoundException.of("frame", frameId));
    }

    private static <T> Field<T> ofEvent(Field<T> column) {
        return DSL.field(DSL.select(column).from(EVENT).where(EVENT.ID.eq(FRAME.EVENT_ID)));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
