package io.firstpin.registration.internal;

import static io.firstpin.platform.db.Tables.REGISTRATION;

import io.firstpin.event.EventFrames;
import io.firstpin.event.FrameLocks;
import io.firstpin.event.LockedFrame;
import io.firstpin.registration.RegistrationStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The queries behind a frame's seats and waitlist. Every decision about a frame is taken while holding its row lock
 * ({@link #lock}), so concurrent requests, on one app instance or several, are decided one after another.
 */
@Component
public class FrameQueue {

    private final DSLContext db;
    private final FrameLocks frameLocks;
    private final EventFrames frames;
    private final Clock clock;

    FrameQueue(DSLContext db, FrameLocks frameLocks, EventFrames frames, Clock clock) {
        this.db = db;
        this.frameLocks = frameLocks;
        this.frames = frames;
        this.clock = clock;
    }

    /**
     * Locks the frame's row until the transaction ends, and answers the frame and its event as they are now: a decision
     * about seats must not use what was read before the lock, since staff may resize the frame or call the event off
     * meanwhile.
     */
    public LockedFrame lock(long frameId) {
        return lock(frameId, clock.instant());
    }

    /** As {@link #lock(long)}, asking whether the event takes a registration at {@code now}. */
    public LockedFrame lock(long frameId, Instant now) {
        return frameLocks.lock(frameId, now);
    }

    /** The event's frames by id, in display order, with their names: what registering needs to find one by reference. */
    public Map<Long, String> frameNames(long eventId) {
        return frames.names(eventId);
    }

    /** The id of the person's registration for the event, if they ever registered; one indexed lookup. */
    public Optional<Long> registrationOf(long eventId, long memberId) {
        return db.select(REGISTRATION.ID).from(REGISTRATION)
                .where(REGISTRATION.EVENT_ID.eq(eventId)).and(REGISTRATION.MEMBER_ID.eq(memberId))
                .fetchOptional(REGISTRATION.ID);
    }

    /**
     * Frees the email's place at the event when a cancelled or lost registration holds it, so that a new registration
     * with that email can take it; an active one keeps it, and the new registration is then refused by the key.
     */
    public void freeEmailPlace(long eventId, String emailKey) {
        db.update(REGISTRATION).setNull(REGISTRATION.EMAIL_KEY)
                .where(REGISTRATION.EVENT_ID.eq(eventId)).and(REGISTRATION.EMAIL_KEY.eq(emailKey))
                .and(REGISTRATION.STATUS.in(RegistrationStatus.CANCELLED.name(), RegistrationStatus.LOST.name()))
                .execute();
    }

    /** The frame's seats and waitlist in one statement, for the decision about a new registrant. */
    public Standing standing(long frameId) {
        var confirmed = REGISTRATION.STATUS.eq(RegistrationStatus.CONFIRMED.name());
        var waiting = REGISTRATION.STATUS.eq(RegistrationStatus.WAITLISTED.name());
        return db.select(DSL.count().filterWhere(confirmed), DSL.count().filterWhere(waiting),
                        DSL.max(REGISTRATION.WAITLIST_POSITION).filterWhere(waiting))
                .from(REGISTRATION)
                .where(REGISTRATION.FRAME_ID.eq(frameId))
                .and(confirmed.or(waiting))
                .fetchOne(row -> new Standing(row.value1(), row.value2(), row.value3() == null ? 0 : row.value3()));
    }

    /**
     * @param lastQueueNumber the highest queue number among those waiting, 0 when nobody waits
     */
    public record Standing(int confirmed, int waiting, int lastQueueNumber) {
    }

    public int confirmed(long frameId) {
        return db.fetchCount(REGISTRATION, REGISTRATION.FRAME_ID.eq(frameId)
                .and(REGISTRATION.STATUS.eq(RegistrationStatus.CONFIRMED.name())));
    }

    /** The queue number for the next person to wait: one past the last one waiting. */
    public int nextQueueNumber(long frameId) {
        Integer last = db.select(DSL.max(REGISTRATION.WAITLIST_POSITION))
                .from(REGISTRATION)
                .where(REGISTRATION.FRAME_ID.eq(frameId)
                        .and(REGISTRATION.STATUS.eq(RegistrationStatus.WAITLISTED.name())))
                .fetchOne(0, Integer.class);
        return last == null ? 1 : last + 1;
    }

    public Optional<Long> firstWaiting(long frameId) {
        return db.select(REGISTRATION.ID)
                .from(REGISTRATION)
                .where(REGISTRATION.FRAME_ID.eq(frameId)
                        .and(REGISTRATION.STATUS.eq(RegistrationStatus.WAITLISTED.name())))
                .orderBy(REGISTRATION.WAITLIST_POSITION.asc(), REGISTRATION.ID.asc())
                .limit(1)
                .fetchOptional(REGISTRATION.ID);
    }

    /** 1 for the first one waiting, without gaps however many left the waitlist before. */
    public int position(long frameId, int queueNumber) {
        return db.fetchCount(REGISTRATION, REGISTRATION.FRAME_ID.eq(frameId)
                .and(REGISTRATION.STATUS.eq(RegistrationStatus.WAITLISTED.name()))
                .and(REGISTRATION.WAITLIST_POSITION.le(queueNumber)));
    }
}
