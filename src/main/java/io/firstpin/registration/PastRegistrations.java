package io.firstpin.registration;

import static io.firstpin.platform.db.Tables.REGISTRATION;

import io.firstpin.event.Events;
import io.firstpin.event.Frame;
import io.firstpin.platform.BulkWriter;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.registration.internal.FrameQueue;
import io.firstpin.registration.internal.ReceptionNumbers;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registrations of past events as another site recorded them, for imports: written as they were, with no email, no
 * waitlist promotion and no registration window, under the one rule that always holds: no frame ends up with more
 * confirmed registrations than its capacity.
 */
@Service
public class PastRegistrations {

    private static final int CHUNK = 1000;

    private final DSLContext db;
    private final FrameQueue queue;
    private final Events events;
    private final BulkWriter bulk;
    private final ApplicationEventPublisher publisher;
    private final ReceptionNumbers receptionNumbers;

    PastRegistrations(DSLContext db, FrameQueue queue, Events events, BulkWriter bulk,
            ApplicationEventPublisher publisher, ReceptionNumbers receptionNumbers) {
        this.receptionNumbers = receptionNumbers;
        this.publisher = publisher;
        this.db = db;
        this.queue = queue;
        this.events = events;
        this.bulk = bulk;
    }

    /**
     * Writes each person's registration for the event, replacing what an earlier import wrote for that person; the
     * waitlisted queue per frame in the order given. Holds the locks of the frames it writes to.
     *
     * @return registration ids by member id, for every registration the event has
     * @throws InvalidInputException on {@code frame} when a frame would hold more confirmed registrations than its
     *         capacity
     */
    @Transactional
    public Map<Long, Long> record(long organizationId, long eventId, List<PastRegistration> past) {
        Map<Long, Frame> frames = events.frames(eventId).stream()
                .filter(frame -> frame.organizationId() == organizationId)
                .collect(Collectors.toMap(Frame::id, Function.identity()));
        past.stream().map(PastRegistration::frameId).distinct().sorted().forEach(frameId -> {
            if (!frames.containsKey(frameId)) {
                throw new IllegalArgumentException("frame " + frameId + " is not one of event " + eventId);
            }
            queue.lock(frameId);
        });
        Map<Long, Long> existing = registrationsByMember(eventId);
        Map<Long, Integer> lastQueueNumber = new HashMap<>();
        List<Query> updates = new ArrayList<>();
        List<PastRegistration> inserts = new ArrayList<>();
        List<Integer> insertedQueueNumbers = new ArrayList<>();
        for (PastRegistration registration : past) {
            Integer queueNumber = registration.status() == RegistrationStatus.WAITLISTED
                    ? lastQueueNumber.merge(registration.frameId(), 1, Integer::sum) : null;
            Long id = existing.get(registration.memberId());
            if (id == null) {
                inserts.add(registration);
                insertedQueueNumbers.add(queueNumber);
            } else {
                updates.add(db.update(REGISTRATION)
                        .set(REGISTRATION.FRAME_ID, registration.frameId())
                        .set(REGISTRATION.NAME, registration.name())
                        .set(REGISTRATION.EMAIL, DSL.coalesce(DSL.val(registration.email()), REGISTRATION.EMAIL))
                        .set(REGISTRATION.STATUS, registration.status().name())
                        .set(REGISTRATION.WAITLIST_POSITION, queueNumber)
                        .set(REGISTRATION.REGISTERED_AT, at(registration.registeredAt()))
                        .set(REGISTRATION.CANCELLED_AT, cancelledAt(registration))
                        .where(REGISTRATION.ID.eq(id)));
            }
        }
        for (int from = 0; from < updates.size(); from += CHUNK) {
            db.batch(updates.subList(from, Math.min(updates.size(), from + CHUNK))).execute();
        }
        List<Object[]> rows = new ArrayList<>(inserts.size());
        for (int i = 0; i < inserts.size(); i++) {
            PastRegistration registration = inserts.get(i);
            rows.add(new Object[] {organizationId, eventId, registration.frameId(), registration.memberId(),
                    registration.name(), registration.email(), registration.status().name(),
                    insertedQueueNumbers.get(i), at(registration.registeredAt()), cancelledAt(registration)});
        }
        bulk.insert(REGISTRATION, List.of(REGISTRATION.ORGANIZATION_ID, REGISTRATION.EVENT_ID, REGISTRATION.FRAME_ID,
                REGISTRATION.MEMBER_ID, REGISTRATION.NAME, REGISTRATION.EMAIL, REGISTRATION.STATUS,
                REGISTRATION.WAITLIST_POSITION, REGISTRATION.REGISTERED_AT, REGISTRATION.CANCELLED_AT), rows);
        receptionNumbers.numberImported(eventId);
        requireCapacityHolds(eventId, frames);
        publisher.publishEvent(new PastRegistrationsRecorded(eventId));
        return registrationsByMember(eventId);
    }

    private void requireCapacityHolds(long eventId, Map<Long, Frame> frames) {
        db.select(REGISTRATION.FRAME_ID, DSL.count())
                .from(REGISTRATION)
                .where(REGISTRATION.EVENT_ID.eq(eventId))
                .and(REGISTRATION.STATUS.eq(RegistrationStatus.CONFIRMED.name()))
                .groupBy(REGISTRATION.FRAME_ID)
                .orderBy(REGISTRATION.FRAME_ID)
                .forEach(row -> {
                    Frame frame = frames.get(row.value1());
                    if (frame != null && frame.capacity() != null && row.value2() > frame.capacity()) {
                        throw InvalidInputException.of("frame", "registration.import.over-capacity", frame.name(),
                                frame.capacity(), row.value2());
                    }
                });
    }

    private Map<Long, Long> registrationsByMember(long eventId) {
        return db.select(REGISTRATION.MEMBER_ID, REGISTRATION.ID)
                .from(REGISTRATION)
                .where(REGISTRATION.EVENT_ID.eq(eventId))
                .fetchMap(REGISTRATION.MEMBER_ID, REGISTRATION.ID);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A cancelled row's last change is its cancellation. */
    private static OffsetDateTime cancelledAt(PastRegistration registration) {
        return registration.status() == RegistrationStatus.CANCELLED ? at(registration.registeredAt()) : null;
    }

    /** A registration as an export states it; {@code registeredAt} is the last change the export knows of. */
    public record PastRegistration(long memberId, long frameId, String name, String email, RegistrationStatus status,
            Instant registeredAt) {
    }
}
