package io.firstpin.attendee.internal;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static io.firstpin.platform.db.Tables.ATTENDEE_CHANGE;
import static io.firstpin.platform.db.Tables.ATTENDEE;
import static io.firstpin.platform.db.Tables.ATTENDEE_EVENT;
import static io.firstpin.platform.db.Tables.ATTENDEE_MEMBER;
import static io.firstpin.platform.db.Tables.ATTENDEE_WALK;
import static io.firstpin.platform.db.Tables.COMMUNITY;
import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.FRAME;
import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.REGISTRATION;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lag;
import static org.jooq.impl.DSL.lead;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.when;

import io.firstpin.attendee.AttendeeRule;
import io.firstpin.platform.BulkWriter;
import io.firstpin.platform.db.tables.Attendance;
import io.firstpin.platform.db.tables.Community;
import io.firstpin.platform.db.tables.Event;
import io.firstpin.platform.db.tables.Registration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.Select;
import org.jooq.TableField;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Brings the attendee rows up to date after a transaction's changes, and builds them from a whole history, by the
 * {@link AttendeeRule}. Staff are attendees, but walk in no scope, as the KPIs leave them out.
 */
@Component
public class AttendeeRefresh {

    private static final int CHUNK = 1000;
    private static final int LOCK_ATTEMPTS = 5;
    private static final List<Field<?>> ATTENDEE_FIELDS = List.of(ATTENDEE.EVENT_ID, ATTENDEE.MEMBER_ID,
            ATTENDEE.COMMUNITY_ID, ATTENDEE.STARTS_AT);
    private static final List<Field<?>> WALK_FIELDS = List.of(ATTENDEE_WALK.MEMBER_ID, ATTENDEE_WALK.SCOPE_ID,
            ATTENDEE_WALK.BRANCHES, ATTENDEE_WALK.EVENT_ID, ATTENDEE_WALK.STARTS_AT, ATTENDEE_WALK.PREVIOUS_EVENT_ID,
            ATTENDEE_WALK.PREVIOUS_AT, ATTENDEE_WALK.BEFORE_PREVIOUS_AT, ATTENDEE_WALK.NEXT_AT);

    private final DSLContext db;
    private final BulkWriter bulk;

    AttendeeRefresh(DSLContext db, BulkWriter bulk) {
        this.db = db;
        this.bulk = bulk;
    }

    /**
     * Applies the changes: the changed events are locked in id order and recounted, then every member whose
     * attendances changed (or who moved, or whose staff flag did) is locked in id order and walked again. Every
     * statement after a lock reads what the transactions before it committed, so none of their work is undone.
     */
    void apply(Changes changes) {
        walk(recount(changes));
    }

    /** Applies every change still recorded in {@code attendee_change}, and removes them. */
    void applyRecorded() {
        Changes changes = new Changes();
        List<Long> ids = new ArrayList<>();
        db.select(ATTENDEE_CHANGE.ID, ATTENDEE_CHANGE.KIND, ATTENDEE_CHANGE.SUBJECT_ID, ATTENDEE_CHANGE.MEMBER_ID)
                .from(ATTENDEE_CHANGE)
                .orderBy(ATTENDEE_CHANGE.ID)
                .forEach(r -> {
                    ids.add(r.value1());
                    changes.add(r.value2(), r.value3(), r.value4());
                });
        if (ids.isEmpty()) {
            return;
        }
        apply(changes);
        for (List<Long> chunk : chunks(ids)) {
            db.deleteFrom(ATTENDEE_CHANGE).where(ATTENDEE_CHANGE.ID.in(chunk)).execute();
        }
    }

    /** Records the changes, to be applied once their transaction has committed. */
    void record(Changes changes) {
        bulk.insert(ATTENDEE_CHANGE, List.of(ATTENDEE_CHANGE.KIND, ATTENDEE_CHANGE.SUBJECT_ID,
                ATTENDEE_CHANGE.MEMBER_ID), changes.rows());
    }

    /** Recounts the changed events, locked in id order; answers the members whose walks that changes. */
    private Set<Long> recount(Changes changes) {
        Set<Long> events = new TreeSet<>(changes.events());
        Set<Long> locked = new TreeSet<>(events);
        locked.addAll(changes.attendances().keySet());
        Set<Long> members = new TreeSet<>(changes.members());
        if (!changes.movedMembers().isEmpty()) {
            events.addAll(eventsOf(changes.movedMembers()));
            members.addAll(changes.movedMembers());
        }
        Set<Long> regrouped = changes.movedCommunities().isEmpty() ? Set.of()
                : eventsIn(subtrees(changes.movedCommunities()));
        events.addAll(regrouped);
        locked.addAll(events);
        if (!locked.isEmpty()) {
            lock(locked, ATTENDEE_EVENT.EVENT_ID,
                    chunk -> db.insertInto(ATTENDEE_EVENT, ATTENDEE_EVENT.EVENT_ID, ATTENDEE_EVENT.COMMUNITY_ID,
                                    ATTENDEE_EVENT.STARTS_AT, ATTENDEE_EVENT.CHECKED_IN, ATTENDEE_EVENT.CONFIRMED,
                                    ATTENDEE_EVENT.NO_SHOWS)
                            .select(select(EVENT.ID, EVENT.COMMUNITY_ID, EVENT.STARTS_AT, inline(false), inline(0),
                                    inline(0)).from(EVENT).where(EVENT.ID.in(chunk)))
                            .onConflictDoNothing()
                            .execute());
            for (List<Long> chunk : chunks(locked)) {
                members.addAll(recount(chunk, events, changes.attendances()));
            }
            for (List<Long> chunk : chunks(regrouped)) {
                members.addAll(db.selectDistinct(ATTENDEE.MEMBER_ID).from(ATTENDEE).where(ATTENDEE.EVENT_ID.in(chunk))
                        .fetch(ATTENDEE.MEMBER_ID));
            }
        }
        return members;
    }

    /** Walks these members again, each locked in id order. */
    private void walk(Set<Long> members) {
        if (members.isEmpty()) {
            return;
        }
        lock(members, ATTENDEE_MEMBER.MEMBER_ID,
                chunk -> db.insertInto(ATTENDEE_MEMBER, ATTENDEE_MEMBER.MEMBER_ID)
                        .select(select(MEMBER.ID).from(MEMBER).where(MEMBER.ID.in(chunk)))
                        .onConflictDoNothing()
                        .execute());
        for (List<Long> chunk : chunks(members)) {
            walkChunk(chunk);
        }
    }

    /** Counts the organization's attendees, seats and walks again from its whole history, set by set. */
    public void rebuild(long organizationId) {
        var events = select(EVENT.ID).from(EVENT).where(EVENT.ORGANIZATION_ID.eq(organizationId));
        List<Long> communities = db.select(COMMUNITY.ID).from(COMMUNITY)
                .where(COMMUNITY.ORGANIZATION_ID.eq(organizationId)).fetch(COMMUNITY.ID);
        db.deleteFrom(ATTENDEE_WALK).where(ATTENDEE_WALK.SCOPE_ID.in(communities)).execute();
        db.deleteFrom(ATTENDEE).where(ATTENDEE.EVENT_ID.in(events)).execute();
        db.deleteFrom(ATTENDEE_EVENT).where(ATTENDEE_EVENT.EVENT_ID.in(events)).execute();
        db.insertInto(ATTENDEE_EVENT, ATTENDEE_EVENT.EVENT_ID, ATTENDEE_EVENT.COMMUNITY_ID, ATTENDEE_EVENT.STARTS_AT,
                        ATTENDEE_EVENT.CHECKED_IN, ATTENDEE_EVENT.CONFIRMED, ATTENDEE_EVENT.NO_SHOWS)
                .select(select(EVENT.ID, EVENT.COMMUNITY_ID, EVENT.STARTS_AT, checkedIn(EVENT.ID),
                        confirmed(EVENT.ID), when(checkedIn(EVENT.ID), noShows(EVENT.ID)).otherwise(inline(0)))
                        .from(EVENT).where(EVENT.ORGANIZATION_ID.eq(organizationId)))
                .execute();
        Event e = EVENT.as("e");
        db.insertInto(ATTENDEE, ATTENDEE.EVENT_ID, ATTENDEE.MEMBER_ID, ATTENDEE.COMMUNITY_ID, ATTENDEE.STARTS_AT)
                .select(AttendeeRule.attendees(e, e.ORGANIZATION_ID.eq(organizationId),
                        e.ORGANIZATION_ID.eq(organizationId).andNot(AttendeeRule.anyoneCheckedIn(e)), null))
                .execute();
        Map<Long, Long> parents = parents(COMMUNITY.ORGANIZATION_ID.eq(organizationId));
        for (long community : communities) {
            walkScope(community, false, List.of(community));
            walkScope(community, true, subtree(community, parents));
        }
        bulk.refreshStatistics(ATTENDEE, ATTENDEE_EVENT, ATTENDEE_WALK);
    }

    /** Inserts every non-staff member's walk through the scope of these communities, with window functions. */
    private void walkScope(long scopeId, boolean branches, Collection<Long> communityIds) {
        var order = partitionBy(ATTENDEE.MEMBER_ID).orderBy(ATTENDEE.STARTS_AT, ATTENDEE.EVENT_ID);
        db.insertInto(ATTENDEE_WALK, ATTENDEE_WALK.MEMBER_ID, ATTENDEE_WALK.SCOPE_ID, ATTENDEE_WALK.BRANCHES,
                        ATTENDEE_WALK.EVENT_ID, ATTENDEE_WALK.STARTS_AT, ATTENDEE_WALK.PREVIOUS_EVENT_ID,
                        ATTENDEE_WALK.PREVIOUS_AT, ATTENDEE_WALK.BEFORE_PREVIOUS_AT, ATTENDEE_WALK.NEXT_AT)
                .select(select(ATTENDEE.MEMBER_ID, inline(scopeId), inline(branches), ATTENDEE.EVENT_ID,
                        ATTENDEE.STARTS_AT, lag(ATTENDEE.EVENT_ID).over(order), lag(ATTENDEE.STARTS_AT).over(order),
                        lag(ATTENDEE.STARTS_AT, 2).over(order), lead(ATTENDEE.STARTS_AT).over(order))
                        .from(ATTENDEE)
                        .where(ATTENDEE.COMMUNITY_ID.in(communityIds))
                        .and(ATTENDEE.MEMBER_ID.notIn(select(MEMBER.ID).from(MEMBER).where(MEMBER.STAFF.isTrue()))))
                .execute();
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
    private Set<Long> recount(List<Long> eventIds, Set<Long> whole, Map<Long, Set<Long>> attendances) {
        Map<Long, Counted> kept = db.select(ATTENDEE_EVENT.EVENT_ID, ATTENDEE_EVENT.COMMUNITY_ID,
                        ATTENDEE_EVENT.STARTS_AT, ATTENDEE_EVENT.CHECKED_IN)
                .from(ATTENDEE_EVENT).where(ATTENDEE_EVENT.EVENT_ID.in(eventIds))
                .fetchMap(r -> r.value1(), r -> new Counted(r.value2(), r.value3().toInstant(), r.value4()));
        Map<Long, Counted> now = db.select(EVENT.ID, EVENT.COMMUNITY_ID, EVENT.STARTS_AT, checkedIn(EVENT.ID))
                .from(EVENT).where(EVENT.ID.in(eventIds))
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

        Set<Long> changed = new HashSet<>();
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

    /** The attendees of these events (of these members, unless null), each counted on the basis it has {@code now}. */
    private List<Record4<Long, Long, Long, OffsetDateTime>> attending(List<Long> eventIds, Map<Long, Counted> now,
            Collection<Long> members) {
        List<Long> byCheckIn = eventIds.stream().filter(id -> now.get(id).checkedIn()).toList();
        List<Long> byRegistration = eventIds.stream().filter(id -> !now.get(id).checkedIn()).toList();
        Event e = EVENT.as("e");
        return db.fetch(AttendeeRule.attendees(e, byCheckIn.isEmpty() ? falseCondition() : e.ID.in(byCheckIn),
                byRegistration.isEmpty() ? falseCondition() : e.ID.in(byRegistration), members));
    }

    /** Walks these locked members again through every scope, from their attendee rows. */
    private void walkChunk(List<Long> memberIds) {
        Set<Long> staff = new HashSet<>(db.select(MEMBER.ID).from(MEMBER)
                .where(MEMBER.ID.in(memberIds)).and(MEMBER.STAFF.isTrue()).fetch(MEMBER.ID));
        Map<Long, List<Walks.Attended>> attended = new HashMap<>();
        db.select(ATTENDEE.MEMBER_ID, ATTENDEE.EVENT_ID, ATTENDEE.COMMUNITY_ID, ATTENDEE.STARTS_AT)
                .from(ATTENDEE)
                .where(ATTENDEE.MEMBER_ID.in(memberIds))
                .orderBy(ATTENDEE.MEMBER_ID, ATTENDEE.STARTS_AT, ATTENDEE.EVENT_ID)
                .forEach(r -> attended.computeIfAbsent(r.value1(), id -> new ArrayList<>())
                        .add(new Walks.Attended(r.value2(), r.value3(), r.value4().toInstant())));
        Map<Long, Long> parents = parents(COMMUNITY.ORGANIZATION_ID.in(select(MEMBER.ORGANIZATION_ID).from(MEMBER)
                .where(MEMBER.ID.in(memberIds))));
        db.deleteFrom(ATTENDEE_WALK).where(ATTENDEE_WALK.MEMBER_ID.in(memberIds)).execute();
        List<Object[]> rows = new ArrayList<>();
        attended.forEach((member, events) -> {
            if (staff.contains(member)) {
                return;
            }
            for (Walks.Step s : Walks.of(member, events, parents)) {
                rows.add(new Object[] {s.memberId(), s.scope().communityId(), s.scope().branches(), s.eventId(),
                        at(s.startsAt()), s.previousEventId(), at(s.previousAt()), at(s.beforePreviousAt()),
                        at(s.nextAt())});
            }
        });
        bulk.insert(ATTENDEE_WALK, WALK_FIELDS, rows);
    }

    /**
     * Takes the lock rows of these ids in id order, creating the missing ones first when there are any. On H2 two
     * transactions creating one row can clash instead of one waiting for the other; the statement is then tried again.
     */
    private void lock(Set<Long> ids, TableField<?, Long> id, Function<List<Long>, Integer> createMissing) {
        for (List<Long> chunk : chunks(ids)) {
            if (db.fetchCount(id.getTable(), id.in(chunk)) < chunk.size()) {
                for (int attempt = 1; ; attempt++) {
                    try {
                        createMissing.apply(chunk);
                        break;
                    } catch (DuplicateKeyException clash) {
                        if (attempt == LOCK_ATTEMPTS) {
                            throw clash;
                        }
                    }
                }
            }
            db.select(id).from(id.getTable()).where(id.in(chunk)).orderBy(id).forUpdate().fetch();
        }
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

    /** These communities with their branches at any depth. */
    private Set<Long> subtrees(Collection<Long> communityIds) {
        Community moved = COMMUNITY.as("moved");
        Map<Long, Long> parents = parents(COMMUNITY.ORGANIZATION_ID.in(select(moved.ORGANIZATION_ID).from(moved)
                .where(moved.ID.in(communityIds))));
        Set<Long> all = new TreeSet<>();
        communityIds.forEach(id -> all.addAll(subtree(id, parents)));
        return all;
    }

    /** Each community's parent (null for a top-level one), of the organizations the condition picks. */
    private Map<Long, Long> parents(Condition organizations) {
        Map<Long, Long> parents = new HashMap<>();
        db.select(COMMUNITY.ID, COMMUNITY.PARENT_ID).from(COMMUNITY).where(organizations)
                .forEach(r -> parents.put(r.value1(), r.value2()));
        return parents;
    }

    private static Set<Long> subtree(long root, Map<Long, Long> parents) {
        Set<Long> members = new TreeSet<>();
        for (long community : parents.keySet()) {
            for (Long up = community; up != null; up = parents.get(up)) {
                if (up == root) {
                    members.add(community);
                    break;
                }
            }
        }
        members.add(root);
        return members;
    }

    private static Field<Boolean> checkedIn(Field<Long> eventId) {
        return field(exists(selectOne().from(ATTENDANCE).where(ATTENDANCE.EVENT_ID.eq(eventId))));
    }

    /** The event's confirmed registrations, counted per frame, whose index holds them by status. */
    private static Field<Integer> confirmed(Field<Long> eventId) {
        Registration r = REGISTRATION.as("seat");
        return field(select(count()).from(r)
                .where(r.FRAME_ID.in(select(FRAME.ID).from(FRAME).where(FRAME.EVENT_ID.eq(eventId))))
                .and(AttendeeRule.holdsSeat(r)));
    }

    /** The event's confirmed registrations without a check-in; meaningful only where anyone checked in. */
    private static Field<Integer> noShows(Field<Long> eventId) {
        Registration r = REGISTRATION.as("no_show");
        Attendance a = ATTENDANCE.as("seat_check_in");
        return field(select(count()).from(r)
                .where(r.FRAME_ID.in(select(FRAME.ID).from(FRAME).where(FRAME.EVENT_ID.eq(eventId))))
                .and(AttendeeRule.holdsSeat(r))
                .and(notExists(selectOne().from(a).where(a.EVENT_ID.eq(r.EVENT_ID)).and(a.MEMBER_ID.eq(r.MEMBER_ID)))));
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> sorted = new ArrayList<>(new TreeSet<>(ids));
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += CHUNK) {
            chunks.add(sorted.subList(from, Math.min(sorted.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Where an event is, and whether anyone checked in there, which decides how its attendees are counted. */
    private record Counted(long communityId, Instant startsAt, boolean checkedIn) {

        boolean samePlace(Counted other) {
            return other != null && communityId == other.communityId && startsAt.equals(other.startsAt);
        }
    }
}
