package io.firstpin.attendee.internal;

import static io.firstpin.attendee.internal.Rows.at;
import static io.firstpin.attendee.internal.Seats.checkedIn;
import static io.firstpin.attendee.internal.Seats.confirmed;
import static io.firstpin.attendee.internal.Seats.noShows;
import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static io.firstpin.platform.db.Tables.ATTENDEE;
import static io.firstpin.platform.db.Tables.ATTENDEE_EVENT;
import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.REGISTRATION;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.when;

import io.firstpin.attendee.AttendeeRule;
import io.firstpin.platform.BulkWriter;
import io.firstpin.platform.db.tables.Event;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.springframework.stereotype.Component;

/**
 * Recounts the attendees and seats of the events a transaction's changes touched, each event locked first, in id
 * order; answers the members whose walks that changes.
 */
@Component
class EventRecount {

    private static final List<Field<?>> ATTENDEE_FIELDS = List.of(ATTENDEE.EVENT_ID, ATTENDEE.MEMBER_ID,
            ATTENDEE.COMMUNITY_ID, ATTENDEE.STARTS_AT);

    private final DSLContext db;
    private final BulkWriter bulk;
    private final RowLocks locks;
    private final Scopes scopes;

    EventRecount(DSLContext db, BulkWriter bulk, RowLocks locks, Scopes scopes) {
        this.db = db;
        this.bulk = bulk;
        this.locks = locks;
        this.scopes = scopes;
    }

    /** Recounts the changed events, locked in id order; answers the members whose walks that changes. */
    Set<Long> recount(Changes changes) {
        Set<Long> events = new TreeSet<>(changes.events());
        Set<Long> locked = new TreeSet<>(events);
        locked.addAll(changes.attendances().keySet());
        Set<Long> members = new TreeSet<>(changes.members());
        if (!changes.movedMembers().isEmpty()) {
            events.addAll(eventsOf(changes.movedMembers()));
            members.addAll(changes.movedMembers());
        }
        Set<Long> regrouped = changes.movedCommunities().isEmpty() ? Set.of()
                : eventsIn(scopes.subtrees(changes.movedCommunities()));
        events.addAll(regrouped);
        locked.addAll(events);
        if (!locked.isEmpty()) {
            lockSeats(locked);
            for (List<Long> chunk : Rows.chunks(locked)) {
                members.addAll(recountLocked(chunk, events, changes.attendances()));
            }
            for (List<Long> chunk : Rows.chunks(regrouped)) {
                members.addAll(db.selectDistinct(ATTENDEE.MEMBER_ID).from(ATTENDEE).where(ATTENDEE.EVENT_ID.in(chunk))
                        .fetch(ATTENDEE.MEMBER_ID));
            }
        }
        return members;
    }

    /**
     * Takes the row locks of these events' seats, in id order, creating the rows of events that have none yet. Every
     * writer of an event's kept rows takes it first: the recount, and the deletion of an event, so that a recount
     * never writes the rows of an event being deleted.
     */
    void lockSeats(Set<Long> eventIds) {
        locks.lock(eventIds, ATTENDEE_EVENT.EVENT_ID,
                chunk -> db.insertInto(ATTENDEE_EVENT, ATTENDEE_EVENT.EVENT_ID, ATTENDEE_EVENT.COMMUNITY_ID,
                                ATTENDEE_EVENT.STARTS_AT, ATTENDEE_EVENT.CHECKED_IN, ATTENDEE_EVENT.CONFIRMED,
                                ATTENDEE_EVENT.NO_SHOWS)
                        .select(select(EVENT.ID, EVENT.COMMUNITY_ID, EVENT.STARTS_AT, inline(false), inline(0),
                                inline(0)).from(EVENT).where(EVENT.ID.in(chunk)))
                        .onConflictDoNothing()
                        .execute());
    }

    /**
     * Recounts these locked events and their seats. Where each event is and whether anyone checked in there (its
     * basis) are read once, the attendees are counted on that basis, and exactly that basis and place are stored with
     * them: a check-in that comes or goes meanwhile records a change of its own, whose refresh then finds the stored
     * basis different and counts the event whole. An event is counted whole when asked to, or when its place or basis
     * differs from the stored one; otherwise only for the members whose registration or check-in changed, so that a
     * rush of registrations to one event costs each of them a lookup, not a count of the event. Answers the members
     * whose walks change.
     */
    private Set<Long> recountLocked(List<Long> lockedIds, Set<Long> whole, Map<Long, Set<Long>> attendances) {
        Map<Long, Counted> now = db.select(EVENT.ID, EVENT.COMMUNITY_ID, EVENT.STARTS_AT, checkedIn(EVENT.ID))
                .from(EVENT).where(EVENT.ID.in(lockedIds))
                .fetchMap(r -> r.value1(), r -> new Counted(r.value2(), r.value3().toInstant(), r.value4()));
        Set<Long> changed = forgetDeleted(lockedIds.stream().filter(id -> !now.containsKey(id)).toList());
        List<Long> eventIds = lockedIds.stream().filter(now::containsKey).toList();
        if (eventIds.isEmpty()) {
            return changed;
        }
        Map<Long, Counted> kept = db.select(ATTENDEE_EVENT.EVENT_ID, ATTENDEE_EVENT.COMMUNITY_ID,
                        ATTENDEE_EVENT.STARTS_AT, ATTENDEE_EVENT.CHECKED_IN)
                .from(ATTENDEE_EVENT).where(ATTENDEE_EVENT.EVENT_ID.in(eventIds))
                .fetchMap(r -> r.value1(), r -> new Counted(r.value2(), r.value3().toInstant(), r.value4()));
        List<Long> counted = new ArrayList<>();
        List<Long> looked = new ArrayList<>();
        Set<Long> lookedUp = new HashSet<>();
        for (long eventId : eventIds) {
            if (whole.contains(eventId) || !Objects.equals(now.get(eventId), kept.get(eventId))) {
                counted.add(eventId);
            } else {
                looked.add(eventId);
                lookedUp.addAll(attendances.getOrDefault(eventId, Set.of()));
            }
        }
        Map<Long, Set<Long>> attending = new HashMap<>();
        Map<Long, Set<Long>> stored = new HashMap<>();
        if (!counted.isEmpty()) {
            attending(counted, now, null).forEach(row ->
                    attending.computeIfAbsent(row.value1(), id -> new HashSet<>()).add(row.value2()));
            db.select(ATTENDEE.EVENT_ID, ATTENDEE.MEMBER_ID).from(ATTENDEE).where(ATTENDEE.EVENT_ID.in(counted))
                    .forEach(row -> stored.computeIfAbsent(row.value1(), id -> new HashSet<>()).add(row.value2()));
        }
        if (!looked.isEmpty()) {
            attending(looked, now, lookedUp).forEach(row ->
                    attending.computeIfAbsent(row.value1(), id -> new HashSet<>()).add(row.value2()));
            db.select(ATTENDEE.EVENT_ID, ATTENDEE.MEMBER_ID).from(ATTENDEE)
                    .where(ATTENDEE.EVENT_ID.in(looked)).and(ATTENDEE.MEMBER_ID.in(lookedUp))
                    .forEach(row -> stored.computeIfAbsent(row.value1(), id -> new HashSet<>()).add(row.value2()));
        }

        List<Object[]> added = new ArrayList<>();
        for (long eventId : eventIds) {
            Counted placement = now.get(eventId);
            Set<Long> before = stored.getOrDefault(eventId, Set.of());
            Set<Long> after = attending.getOrDefault(eventId, Set.of());
            boolean moved = !placement.samePlace(kept.get(eventId));
            Set<Long> gone = new HashSet<>(before);
            Set<Long> come = new HashSet<>(after);
            if (moved) {
                changed.addAll(before);
                changed.addAll(after);
            } else {
                gone.removeAll(after);
                come.removeAll(before);
                changed.addAll(gone);
                changed.addAll(come);
            }
            if (!gone.isEmpty()) {
                db.deleteFrom(ATTENDEE).where(ATTENDEE.EVENT_ID.eq(eventId)).and(ATTENDEE.MEMBER_ID.in(gone)).execute();
            }
            for (long member : come) {
                added.add(new Object[] {eventId, member, placement.communityId(), at(placement.startsAt())});
            }
            if (!placement.equals(kept.get(eventId))) {
                db.update(ATTENDEE_EVENT)
                        .set(ATTENDEE_EVENT.COMMUNITY_ID, placement.communityId())
                        .set(ATTENDEE_EVENT.STARTS_AT, at(placement.startsAt()))
                        .set(ATTENDEE_EVENT.CHECKED_IN, placement.checkedIn())
                        .where(ATTENDEE_EVENT.EVENT_ID.eq(eventId))
                        .execute();
            }
        }
        bulk.insert(ATTENDEE, ATTENDEE_FIELDS, added);
        db.update(ATTENDEE_EVENT)
                .set(ATTENDEE_EVENT.CONFIRMED, confirmed(ATTENDEE_EVENT.EVENT_ID))
                .set(ATTENDEE_EVENT.NO_SHOWS, when(ATTENDEE_EVENT.CHECKED_IN, noShows(ATTENDEE_EVENT.EVENT_ID))
                        .otherwise(inline(0)))
                .where(ATTENDEE_EVENT.EVENT_ID.in(eventIds))
                .execute();
        return changed;
    }

    /**
     * A change recorded for an event deleted since leaves no row of it: a row the recount's lock created for it before
     * the deletion committed goes, and its attendees' walks are walked again. Answers those members.
     */
    private Set<Long> forgetDeleted(List<Long> deleted) {
        Set<Long> members = new HashSet<>();
        if (!deleted.isEmpty()) {
            members.addAll(db.selectDistinct(ATTENDEE.MEMBER_ID).from(ATTENDEE).where(ATTENDEE.EVENT_ID.in(deleted))
                    .fetch(ATTENDEE.MEMBER_ID));
            db.deleteFrom(ATTENDEE).where(ATTENDEE.EVENT_ID.in(deleted)).execute();
            db.deleteFrom(ATTENDEE_EVENT).where(ATTENDEE_EVENT.EVENT_ID.in(deleted)).execute();
        }
        return members;
    }

    /** The attendees of these events (of these members, unless null), each counted on the basis it has {@code now}. */
    private List<Record4<Long, Long, Long, OffsetDateTime>> attending(List<Long> eventIds, Map<Long, Counted> now,
            Collection<Long> members) {
        List<Long> byCheckIn = eventIds.stream().filter(id -> now.get(id).checkedIn()).toList();
        List<Long> byRegistration = eventIds.stream().filter(id -> !now.get(id).checkedIn()).toList();
        Event e = EVENT.as("e");
        return db.fetch(AttendeeRule.attendees(e, byCheckIn.isEmpty() ? falseCondition() : e.ID.in(byCheckIn),
                byRegistration.isEmpty() ? falseCondition() : e.ID.in(byRegistration), members));
    }

    private Set<Long> eventsOf(Collection<Long> memberIds) {
        Set<Long> events = new TreeSet<>();
        events.addAll(db.selectDistinct(REGISTRATION.EVENT_ID).from(REGISTRATION)
                .where(REGISTRATION.MEMBER_ID.in(memberIds)).fetch(REGISTRATION.EVENT_ID));
        events.addAll(db.selectDistinct(ATTENDANCE.EVENT_ID).from(ATTENDANCE)
                .where(ATTENDANCE.MEMBER_ID.in(memberIds)).fetch(ATTENDANCE.EVENT_ID));
        events.addAll(db.selectDistinct(ATTENDEE.EVENT_ID).from(ATTENDEE)
                .where(ATTENDEE.MEMBER_ID.in(memberIds)).fetch(ATTENDEE.EVENT_ID));
        return events;
    }

    private Set<Long> eventsIn(Collection<Long> communityIds) {
        return new TreeSet<>(db.select(EVENT.ID).from(EVENT).where(EVENT.COMMUNITY_ID.in(communityIds))
                .fetch(EVENT.ID));
    }

    /** Where an event is, and whether anyone checked in there, which decides how its attendees are counted. */
    private record Counted(long communityId, Instant startsAt, boolean checkedIn) {

        boolean samePlace(Counted other) {
            return other != null && communityId == other.communityId && startsAt.equals(other.startsAt);
        }
    }
}
