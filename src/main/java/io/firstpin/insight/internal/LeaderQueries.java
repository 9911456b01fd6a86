package io.firstpin.insight.internal;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static io.firstpin.platform.db.Tables.ATTENDEE;
import static io.firstpin.platform.db.Tables.ATTENDEE_WALK;
import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.EVENT_SESSION;
import static io.firstpin.platform.db.Tables.LEADER_ROLE;
import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.OUTPUT;
import static io.firstpin.platform.db.Tables.OUTPUT_LINK;
import static io.firstpin.platform.db.Tables.REGISTRATION;
import static io.firstpin.platform.db.Tables.SESSION_SPEAKER;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.values;

import io.firstpin.event.EventStatus;
import io.firstpin.platform.db.tables.Attendance;
import io.firstpin.platform.db.tables.Event;
import io.firstpin.platform.db.tables.Registration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Row3;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The queries behind the leader bench, the self-running index, the leader candidates and the organization overview.
 * Attendance is read from the rows the attendee module keeps by its rule, as the KPIs read it: callers bring them up
 * to date first ({@code Attendees.catchUp}).
 */
@Component
public class LeaderQueries {

    private final DSLContext db;

    LeaderQueries(DSLContext db) {
        this.db = db;
    }

    /** Every leader role of these communities, with whether its member is staff. */
    public List<RoleRow> roles(Collection<Long> communityIds) {
        return db.select(LEADER_ROLE.COMMUNITY_ID, LEADER_ROLE.MEMBER_ID, MEMBER.DISPLAY_NAME, MEMBER.STAFF,
                        LEADER_ROLE.STARTED_ON, LEADER_ROLE.ENDED_ON)
                .from(LEADER_ROLE)
                .join(MEMBER).on(MEMBER.ID.eq(LEADER_ROLE.MEMBER_ID))
                .where(LEADER_ROLE.COMMUNITY_ID.in(communityIds))
                .orderBy(LEADER_ROLE.STARTED_ON, LEADER_ROLE.ID)
                .fetch(r -> new RoleRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /**
     * The events of these communities starting in [{@code from}, {@code to}) that count (no drafts, nothing cancelled),
     * in start order (ties by id); sub-events (an after-party under its study session) are part of their parent, not
     * events of their own.
     */
    public List<EventRow> events(Collection<Long> communityIds, Instant from, Instant to) {
        return db.select(EVENT.ID, EVENT.COMMUNITY_ID, EVENT.TITLE, EVENT.STARTS_AT)
                .from(EVENT)
                .where(EVENT.COMMUNITY_ID.in(communityIds))
                .and(EVENT.STATUS.in(EventStatus.counted()))
                .and(EVENT.PARENT_EVENT_ID.isNull())
                .and(EVENT.STARTS_AT.ge(at(from)))
                .and(EVENT.STARTS_AT.lt(at(to)))
                .orderBy(EVENT.STARTS_AT, EVENT.ID)
                .fetch(r -> new EventRow(r.value1(), r.value2(), r.value3(), r.value4().toInstant()));
    }

    /**
     * Per member, staff included, the attendances at these communities' events starting in [{@code from}, {@code to}):
     * how many, how many at the {@code recent} events, and the sum of the events' {@code weights}. Added up in the
     * database, so that a long history sends one row per member rather than one per attendance.
     */
    public List<AttendanceTally> attendance(Collection<Long> communityIds, Instant from, Instant to,
            Map<Long, Double> weights, Set<Long> recent) {
        if (weights.isEmpty()) {
            return List.of();
        }
        List<Row3<Long, Double, Integer>> rowsOfWeights = weights.entrySet().stream()
                .map(w -> row(inline(w.getKey()), inline(w.getValue()), inline(recent.contains(w.getKey()) ? 1 : 0)))
                .toList();
        @SuppressWarnings("unchecked")
        Table<?> weighed = values(rowsOfWeights.toArray(Row3[]::new)).as("weighed", "event_id", "weight", "recent");
        Table<?> rows = attendeeRows(communityIds, from, to).asTable("attended");
        Field<Long> memberId = rows.field("member_id", Long.class);
        return db.select(memberId, count(), sum(weighed.field("recent", Integer.class)),
                        sum(weighed.field("weight", Double.class)))
                .from(rows)
                .join(weighed).on(weighed.field("event_id", Long.class).eq(rows.field("event_id", Long.class)))
                .groupBy(memberId)
                .fetch(r -> new AttendanceTally(r.value1(), r.value2(), r.value3().intValue(),
                        r.value4().doubleValue()));
    }

    /**
     * Per member, staff included, how many of these communities' events starting in [{@code from}, {@code to}) they
     * attended (the attendees of {@link KpiQueries}).
     */
    public Map<Long, Integer> eventsAttended(Collection<Long> communityIds, Instant from, Instant to) {
        Table<?> rows = attendeeRows(communityIds, from, to).asTable("attended");
        Field<Long> memberId = rows.field("member_id", Long.class);
        return db.select(memberId, countDistinct(rows.field("event_id", Long.class)))
                .from(rows)
                .groupBy(memberId)
                .fetchMap(r -> r.value1(), r -> r.value2());
    }

    /** Who spoke in a session of {@code kind} at these communities' events starting in [{@code from}, {@code to}). */
    public List<MemberAt> speakers(Collection<Long> communityIds, String kind, Instant from, Instant to) {
        return db.selectDistinct(SESSION_SPEAKER.MEMBER_ID, EVENT_SESSION.EVENT_ID)
                .from(SESSION_SPEAKER)
                .join(EVENT_SESSION).on(EVENT_SESSION.ID.eq(SESSION_SPEAKER.EVENT_SESSION_ID))
                .join(EVENT).on(EVENT.ID.eq(EVENT_SESSION.EVENT_ID))
                .where(EVENT_SESSION.KIND.eq(kind))
                .and(inPeriod(EVENT, communityIds, from, to))
                .fetch(r -> new MemberAt(r.value1(), r.value2()));
    }

    /** The outputs (id, author) linked now to these communities' events starting in [{@code from}, {@code to}). */
    public List<Authored> outputs(Collection<Long> communityIds, Instant from, Instant to) {
        return db.select(OUTPUT.ID, OUTPUT.AUTHOR_MEMBER_ID, OUTPUT_LINK.EVENT_ID)
                .from(OUTPUT_LINK)
                .join(OUTPUT).on(OUTPUT.ID.eq(OUTPUT_LINK.OUTPUT_ID))
                .join(EVENT).on(EVENT.ID.eq(OUTPUT_LINK.EVENT_ID))
                .where(LadderQueries.countedOutput())
                .and(inPeriod(EVENT, communityIds, from, to))
                .fetch(r -> new Authored(r.value1(), r.value2(), r.value3()));
    }

    /**
     * The communities whose events the member registered for, checked in at, spoke at or wrote about, or where they
     * held a leader role: where they can have love.
     */
    public Set<Long> communitiesOf(long memberId) {
        Registration r = REGISTRATION.as("r");
        Attendance a = ATTENDANCE.as("a");
        var events = select(r.EVENT_ID.as("event_id")).from(r).where(r.MEMBER_ID.eq(memberId))
                .unionAll(select(a.EVENT_ID).from(a).where(a.MEMBER_ID.eq(memberId)))
                .unionAll(select(EVENT_SESSION.EVENT_ID).from(SESSION_SPEAKER)
                        .join(EVENT_SESSION).on(EVENT_SESSION.ID.eq(SESSION_SPEAKER.EVENT_SESSION_ID))
                        .where(SESSION_SPEAKER.MEMBER_ID.eq(memberId)))
                .unionAll(select(OUTPUT_LINK.EVENT_ID).from(OUTPUT_LINK)
                        .join(OUTPUT).on(OUTPUT.ID.eq(OUTPUT_LINK.OUTPUT_ID))
                        .where(OUTPUT.AUTHOR_MEMBER_ID.eq(memberId)));
        Table<?> mine = events.asTable("mine");
        Set<Long> communities = new HashSet<>(db.selectDistinct(EVENT.COMMUNITY_ID).from(EVENT)
                .where(EVENT.ID.in(select(mine.field("event_id", Long.class)).from(mine)))
                .fetch(EVENT.COMMUNITY_ID));
        communities.addAll(db.selectDistinct(LEADER_ROLE.COMMUNITY_ID).from(LEADER_ROLE)
                .where(LEADER_ROLE.MEMBER_ID.eq(memberId)).fetch(LEADER_ROLE.COMMUNITY_ID));
        return communities;
    }

    /** Display name and staff flag of these members. */
    public List<Person> people(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return db.select(MEMBER.ID, MEMBER.DISPLAY_NAME, MEMBER.STAFF)
                .from(MEMBER)
                .where(MEMBER.ID.in(memberIds))
                .fetch(r -> new Person(r.value1(), r.value2(), r.value3()));
    }

    /**
     * Per community, each its own scope without its branches, over its events starting in [{@code from}, {@code to}),
     * staff left out: attendances, newcomers (no earlier attendance there) and unique participants (their first
     * attendance since {@code from}). One grouped pass over the period's walk rows by the walks' period index, so the
     * overview costs one statement for all communities, not one per community or per participant.
     */
    public Map<Long, Totals> communityTotals(Collection<Long> communityIds, Instant from, Instant to) {
        var w = ATTENDEE_WALK;
        Field<OffsetDateTime> start = inline(at(from));
        return db.select(w.SCOPE_ID, count(), count().filterWhere(w.PREVIOUS_EVENT_ID.isNull()),
                        count().filterWhere(w.PREVIOUS_AT.isNull().or(w.PREVIOUS_AT.lt(start))))
                .from(w)
                .where(w.SCOPE_ID.in(communityIds.stream().map(DSL::inline).toList()))
                .and(w.BRANCHES.isFalse())
                .and(w.STARTS_AT.ge(start))
                .and(w.STARTS_AT.lt(inline(at(to))))
                .groupBy(w.SCOPE_ID)
                .fetchMap(r -> r.value1(), r -> new Totals(r.value2(), r.value3(), r.value4()));
    }

    /**
     * The whole organization as one scope over [{@code from}, {@code to}), staff left out: its attendances, those new
     * to the organization (no earlier attendance in any of its top-level communities' trees) and its distinct
     * participants (each counted at their first attendance of the period), read from the walks through each top-level
     * community with its branches, where every attendance lies in exactly one.
     */
    public Totals organizationTotals(Collection<Long> topLevelIds, Instant from, Instant to) {
        if (topLevelIds.isEmpty()) {
            return new Totals(0, 0, 0);
        }
        var w = ATTENDEE_WALK;
        Field<OffsetDateTime> start = inline(at(from));
        List<Param<Long>> roots = topLevelIds.stream().map(DSL::inline).toList();
        // a member's first attendance in the period, and their first of all, in one top-level tree; with several
        // trees, only if no other tree saw them earlier (in the period, or at all)
        Condition firstInPeriod = w.PREVIOUS_AT.isNull().or(w.PREVIOUS_AT.lt(start))
                .and(notEarlierElsewhere(roots, start));
        Condition firstOfAll = w.PREVIOUS_EVENT_ID.isNull().and(notEarlierElsewhere(roots, null));
        return db.select(count(), count().filterWhere(firstOfAll), count().filterWhere(firstInPeriod))
                .from(w)
                .where(w.SCOPE_ID.in(roots))
                .and(w.BRANCHES.isTrue())
                .and(w.STARTS_AT.ge(start))
                .and(w.STARTS_AT.lt(inline(at(to))))
                .fetchSingle(r -> new Totals(r.value1(), r.value2(), r.value3()));
    }

    /**
     * No walk of the same member through another of these top-level trees before this walk row (since {@code since},
     * when given); no condition at all for an organization with one top-level community, so that the totals stay an
     * index-only pass over the period's walk rows.
     */
    private static Condition notEarlierElsewhere(List<Param<Long>> roots, Field<OffsetDateTime> since) {
        if (roots.size() == 1) {
            return noCondition();
        }
        var w = ATTENDEE_WALK;
        var earlier = ATTENDEE_WALK.as("earlier");
        return DSL.notExists(selectOne().from(earlier)
                .where(earlier.MEMBER_ID.eq(w.MEMBER_ID))
                .and(earlier.SCOPE_ID.in(roots)).and(earlier.SCOPE_ID.ne(w.SCOPE_ID))
                .and(earlier.BRANCHES.isTrue())
                .and(since == null ? noCondition() : earlier.STARTS_AT.ge(since))
                .and(earlier.STARTS_AT.lt(w.STARTS_AT)
                        .or(earlier.STARTS_AT.eq(w.STARTS_AT).and(earlier.EVENT_ID.lt(w.EVENT_ID)))));
    }

    /** The kept attendees of these communities' events starting in [{@code from}, {@code to}), staff included. */
    private static Select<?> attendeeRows(Collection<Long> communityIds, Instant from, Instant to) {
        return select(ATTENDEE.MEMBER_ID.as("member_id"), ATTENDEE.EVENT_ID.as("event_id"),
                        ATTENDEE.COMMUNITY_ID.as("community_id"))
                .from(ATTENDEE)
                .where(ATTENDEE.COMMUNITY_ID.in(communityIds))
                .and(ATTENDEE.STARTS_AT.ge(at(from))).and(ATTENDEE.STARTS_AT.lt(at(to)));
    }

    private static Condition inPeriod(Event e, Collection<Long> communityIds, Instant from, Instant to) {
        return e.COMMUNITY_ID.in(communityIds).and(e.STARTS_AT.ge(at(from))).and(e.STARTS_AT.lt(at(to)));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public record RoleRow(long communityId, long memberId, String displayName, boolean staff, LocalDate startedOn,
            LocalDate endedOn) {

        public boolean activeOn(LocalDate day) {
            return !day.isBefore(startedOn) && (endedOn == null || !day.isAfter(endedOn));
        }
    }

    public record EventRow(long id, long communityId, String title, Instant startsAt) {
    }

    public record MemberAt(long memberId, long eventId) {
    }

    public record AttendanceTally(long memberId, int attended, int attendedRecent, double weight) {
    }

    public record Authored(long outputId, long memberId, long eventId) {
    }

    public record Person(long id, String displayName, boolean staff) {
    }

    /**
     * @param attendances attendances at the scope's events, each member once per event
     * @param newcomers attendances that were the member's first in the scope
     * @param participants distinct members who attended
     */
    public record Totals(int attendances, int newcomers, int participants) {
    }
}
