package io.firstpin.insight.internal;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.values;

import io.firstpin.attendance.CheckInReads;
import io.firstpin.attendee.AttendeeReads;
import io.firstpin.attendee.AttendeeWalks;
import io.firstpin.event.EventReads;
import io.firstpin.event.TalkReads;
import io.firstpin.leadership.LeaderRoleReads;
import io.firstpin.member.MemberReads;
import io.firstpin.output.OutputReads;
import io.firstpin.registration.RegistrationReads;
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
        return db.select(LeaderRoleReads.communityId(), LeaderRoleReads.memberId(), MemberReads.displayName(),
                        MemberReads.staff(), LeaderRoleReads.startedOn(), LeaderRoleReads.endedOn())
                .from(LeaderRoleReads.roles())
                .join(MemberReads.members()).on(MemberReads.id().eq(LeaderRoleReads.memberId()))
                .where(LeaderRoleReads.communityId().in(communityIds))
                .orderBy(LeaderRoleReads.startedOn(), LeaderRoleReads.id())
                .fetch(r -> new RoleRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /**
     * The events of these communities starting in [{@code from}, {@code to}) that count (no drafts, nothing cancelled),
     * in start order (ties by id); sub-events (an after-party under its study session) are part of their parent, not
     * events of their own.
     */
    public List<EventRow> events(Collection<Long> communityIds, Instant from, Instant to) {
        EventReads e = EventReads.events();
        return db.select(e.id(), e.communityId(), e.title(), e.startsAt())
                .from(e.table())
                .where(e.communityId().in(communityIds))
                .and(e.counts())
                .and(e.ownEvent())
                .and(e.startsAt().ge(at(from)))
                .and(e.startsAt().lt(at(to)))
                .orderBy(e.startsAt(), e.id())
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
        EventReads e = EventReads.events();
        return db.selectDistinct(TalkReads.speakerId(), TalkReads.eventId())
                .from(TalkReads.talks())
                .join(e.table()).on(e.id().eq(TalkReads.eventId()))
                .where(TalkReads.kind().eq(kind))
                .and(e.heldIn(communityIds, from, to))
                .fetch(r -> new MemberAt(r.value1(), r.value2()));
    }

    /** The outputs (id, author) linked now to these communities' events starting in [{@code from}, {@code to}). */
    public List<Authored> outputs(Collection<Long> communityIds, Instant from, Instant to) {
        EventReads e = EventReads.events();
        return db.select(OutputReads.id(), OutputReads.authorId(), OutputReads.linkedEventId())
                .from(OutputReads.links())
                .join(e.table()).on(e.id().eq(OutputReads.linkedEventId()))
                .where(OutputReads.countsForAuthor())
                .and(e.heldIn(communityIds, from, to))
                .fetch(r -> new Authored(r.value1(), r.value2(), r.value3()));
    }

    /**
     * The communities whose events the member registered for, checked in at, spoke at or wrote about, or where they
     * held a leader role: where they can have love.
     */
    public Set<Long> communitiesOf(long memberId) {
        var events = RegistrationReads.eventsRegisteredBy(memberId)
                .unionAll(CheckInReads.eventsCheckedInBy(memberId))
                .unionAll(select(TalkReads.eventId()).from(TalkReads.talks())
                        .where(TalkReads.speakerId().eq(memberId)))
                .unionAll(select(OutputReads.linkedEventId()).from(OutputReads.links())
                        .where(OutputReads.authorId().eq(memberId)));
        Table<?> mine = events.asTable("mine");
        EventReads e = EventReads.events();
        Set<Long> communities = new HashSet<>(db.selectDistinct(e.communityId()).from(e.table())
                .where(e.id().in(select(mine.field("event_id", Long.class)).from(mine)))
                .fetch(e.communityId()));
        communities.addAll(db.selectDistinct(LeaderRoleReads.communityId()).from(LeaderRoleReads.roles())
                .where(LeaderRoleReads.memberId().eq(memberId)).fetch(LeaderRoleReads.communityId()));
        return communities;
    }

    /** Display name and staff flag of these members. */
    public List<Person> people(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return db.select(MemberReads.id(), MemberReads.displayName(), MemberReads.staff())
                .from(MemberReads.members())
                .where(MemberReads.id().in(memberIds))
                .fetch(r -> new Person(r.value1(), r.value2(), r.value3()));
    }

    /**
     * Per community, each its own scope without its branches, over its events starting in [{@code from}, {@code to}),
     * staff left out: attendances, newcomers (no earlier attendance there) and unique participants (their first
     * attendance since {@code from}). One grouped pass over the period's walk rows by the walks' period index, so the
     * overview costs one statement for all communities, not one per community or per participant.
     */
    public Map<Long, Totals> communityTotals(Collection<Long> communityIds, Instant from, Instant to) {
        AttendeeWalks w = AttendeeWalks.walks();
        Field<OffsetDateTime> start = inline(at(from));
        return db.select(w.scopeId(), count(), count().filterWhere(w.previousEventId().isNull()),
                        count().filterWhere(w.previousAt().isNull().or(w.previousAt().lt(start))))
                .from(w.table())
                .where(w.scopeId().in(communityIds.stream().map(DSL::inline).toList()))
                .and(w.branches().isFalse())
                .and(w.startsAt().ge(start))
                .and(w.startsAt().lt(inline(at(to))))
                .groupBy(w.scopeId())
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
        AttendeeWalks w = AttendeeWalks.walks();
        Field<OffsetDateTime> start = inline(at(from));
        List<Param<Long>> roots = topLevelIds.stream().map(DSL::inline).toList();
        // a member's first attendance in the period, and their first of all, in one top-level tree; with several
        // trees, only if no other tree saw them earlier (in the period, or at all)
        Condition firstInPeriod = w.previousAt().isNull().or(w.previousAt().lt(start))
                .and(notEarlierElsewhere(roots, start));
        Condition firstOfAll = w.previousEventId().isNull().and(notEarlierElsewhere(roots, null));
        return db.select(count(), count().filterWhere(firstOfAll), count().filterWhere(firstInPeriod))
                .from(w.table())
                .where(w.scopeId().in(roots))
                .and(w.branches().isTrue())
                .and(w.startsAt().ge(start))
                .and(w.startsAt().lt(inline(at(to))))
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
        AttendeeWalks w = AttendeeWalks.walks();
        AttendeeWalks earlier = AttendeeWalks.as("earlier");
        return DSL.notExists(selectOne().from(earlier.table())
                .where(earlier.memberId().eq(w.memberId()))
                .and(earlier.scopeId().in(roots)).and(earlier.scopeId().ne(w.scopeId()))
                .and(earlier.branches().isTrue())
                .and(since == null ? noCondition() : earlier.startsAt().ge(since))
                .and(earlier.startsAt().lt(w.startsAt())
                        .or(earlier.startsAt().eq(w.startsAt()).and(earlier.eventId().lt(w.eventId())))));
    }

    /** The kept attendees of these communities' events starting in [{@code from}, {@code to}), staff included. */
    private static Select<?> attendeeRows(Collection<Long> communityIds, Instant from, Instant to) {
        return select(AttendeeReads.memberId().as("member_id"), AttendeeReads.eventId().as("event_id"),
                        AttendeeReads.communityId().as("community_id"))
                .from(AttendeeReads.attendees())
                .where(AttendeeReads.communityId().in(communityIds))
                .and(AttendeeReads.startsAt().ge(at(from))).and(AttendeeReads.startsAt().lt(at(to)));
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
