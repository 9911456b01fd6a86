package io.firstpin.insight.internal;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static io.firstpin.platform.db.Tables.ATTENDEE;
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
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.values;

import io.firstpin.event.EventStatus;
import io.firstpin.platform.db.tables.Attendance;
import io.firstpin.platform.db.tables.Attendee;
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
import org.jooq.Record1;
import org.jooq.Row3;
import org.jooq.Select;
import org.jooq.Table;
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
     * in start order (ties by id).
     */
    public List<EventRow> events(Collection<Long> communityIds, Instant from, Instant to) {
        return db.select(EVENT.ID, EVENT.COMMUNITY_ID, EVENT.TITLE, EVENT.STARTS_AT)
                .from(EVENT)
                .where(EVENT.COMMUNITY_ID.in(communityIds))
                .and(EVENT.STATUS.in(EventStatus.counted()))
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
        Table<?> rows = attendeeRows(communityIds, from, to, false).asTable("attended");
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
        Table<?> rows = attendeeRows(communityIds, from, to, false).asTable("attended");
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
                .where(OUTPUT_LINK.UNLINKED_AT.isNull())
                .and(OUTPUT_LINK.AWAITING_REVIEW.isFalse())
                .and(OUTPUT.AUTHOR_MEMBER_ID.isNotNull())
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
     * Per community and participant of its events starting in [{@code from}, {@code to}), staff left out: how many of
     * those events they attended and whether they attended an event of that community before {@code from} (so are not
     * a newcomer). Each community is its own scope, without its branches.
     */
    public List<CommunityParticipant> participants(Collection<Long> communityIds, Instant from, Instant to) {
        Table<?> rows = attendeeRows(communityIds, from, to, true).asTable("attended");
        Field<Long> communityId = rows.field("community_id", Long.class);
        Field<Long> memberId = rows.field("member_id", Long.class);
        return db.select(communityId, memberId, count(), field(attendedBefore(communityId, memberId, from)))
                .from(rows)
                .groupBy(communityId, memberId)
                .fetch(r -> new CommunityParticipant(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** The kept attendees of these communities' events starting in [{@code from}, {@code to}), staff left out or not. */
    private static Select<?> attendeeRows(Collection<Long> communityIds, Instant from, Instant to,
            boolean withoutStaff) {
        return select(ATTENDEE.MEMBER_ID.as("member_id"), ATTENDEE.EVENT_ID.as("event_id"),
                        ATTENDEE.COMMUNITY_ID.as("community_id"))
                .from(ATTENDEE)
                .where(ATTENDEE.COMMUNITY_ID.in(communityIds))
                .and(ATTENDEE.STARTS_AT.ge(at(from))).and(ATTENDEE.STARTS_AT.lt(at(to)))
                .and(withoutStaff ? ATTENDEE.MEMBER_ID.notIn(staff()) : noCondition());
    }

    /** Whether the member attended an event of that community starting before {@code before}. */
    private static Condition attendedBefore(Field<Long> communityId, Field<Long> memberId, Instant before) {
        Attendee earlier = ATTENDEE.as("earlier");
        return exists(selectOne().from(earlier)
                .where(earlier.MEMBER_ID.eq(memberId))
                .and(earlier.COMMUNITY_ID.eq(communityId))
                .and(earlier.STARTS_AT.lt(at(before))));
    }

    /** The members flagged as staff, left out of every participation KPI. */
    private static Select<Record1<Long>> staff() {
        return select(MEMBER.ID).from(MEMBER).where(MEMBER.STAFF.isTrue());
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

    public record CommunityParticipant(long communityId, long memberId, int events, boolean attendedBefore) {
    }
}
