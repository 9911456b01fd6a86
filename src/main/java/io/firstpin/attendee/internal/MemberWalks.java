package io.firstpin.attendee.internal;

import static io.firstpin.platform.db.Tables.ATTENDEE;
import static io.firstpin.platform.db.Tables.ATTENDEE_MEMBER;
import static io.firstpin.platform.db.Tables.ATTENDEE_WALK;
import static io.firstpin.platform.db.Tables.COMMUNITY;
import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.attendee.internal.Rows.at;
import static org.jooq.impl.DSL.select;

import io.firstpin.platform.BulkWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/** Walks members again through every scope from their attendee rows ({@link Walks}), each member locked first. */
@Component
class MemberWalks {

    private static final List<Field<?>> WALK_FIELDS = List.of(ATTENDEE_WALK.MEMBER_ID, ATTENDEE_WALK.SCOPE_ID,
            ATTENDEE_WALK.BRANCHES, ATTENDEE_WALK.EVENT_ID, ATTENDEE_WALK.STARTS_AT, ATTENDEE_WALK.PREVIOUS_EVENT_ID,
            ATTENDEE_WALK.PREVIOUS_AT, ATTENDEE_WALK.BEFORE_PREVIOUS_AT, ATTENDEE_WALK.NEXT_AT);

    private final DSLContext db;
    private final BulkWriter bulk;
    private final RowLocks locks;
    private final Scopes scopes;

    MemberWalks(DSLContext db, BulkWriter bulk, RowLocks locks, Scopes scopes) {
        this.db = db;
        this.bulk = bulk;
        this.locks = locks;
        this.scopes = scopes;
    }

    /** Walks these members again, each locked in id order. */
    void walk(Set<Long> members) {
        if (members.isEmpty()) {
            return;
        }
        locks.lock(members, ATTENDEE_MEMBER.MEMBER_ID,
                chunk -> db.insertInto(ATTENDEE_MEMBER, ATTENDEE_MEMBER.MEMBER_ID)
                        .select(select(MEMBER.ID).from(MEMBER).where(MEMBER.ID.in(chunk)))
                        .onConflictDoNothing()
                        .execute());
        for (List<Long> chunk : Rows.chunks(members)) {
            walkChunk(chunk);
        }
    }

    /** Walks these locked members again through every scope, from their attendee rows. */
    private void walkChunk(List<Long> memberIds) {
        Set<Long> staff = new HashSet<>(db.select(MEMBER.ID).from(MEMBER)
                .where(MEMBER.ID.in(memberIds)).and(MEMBER.STAFF.isTrue()).fetch(MEMBER.ID));
        Map<Long, List<Walks.Attended>> attended = new HashMap<>();
        db.select(ATTENDEE.MEMBER_ID, ATTENDEE.EVENT_ID, ATTENDEE.COMMUNITY_ID, ATTENDEE.STARTS_AT)
                .from(ATTENDEE)
                .where(ATTENDEE.MEMBER_ID.in(memberIds))
                .and(ATTENDEE.EVENT_ID.notIn(Walks.subEvents()))
                .orderBy(ATTENDEE.MEMBER_ID, ATTENDEE.STARTS_AT, ATTENDEE.EVENT_ID)
                .forEach(r -> attended.computeIfAbsent(r.value1(), id -> new ArrayList<>())
                        .add(new Walks.Attended(r.value2(), r.value3(), r.value4().toInstant())));
        Map<Long, Long> parents = scopes.parents(COMMUNITY.ORGANIZATION_ID.in(select(MEMBER.ORGANIZATION_ID).from(MEMBER)
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
}
