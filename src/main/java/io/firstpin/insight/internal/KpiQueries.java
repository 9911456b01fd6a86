package io.firstpin.insight.internal;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static io.firstpin.platform.db.Tables.ATTENDEE;
import static io.firstpin.platform.db.Tables.ATTENDEE_EVENT;
import static io.firstpin.platform.db.Tables.ATTENDEE_WALK;
import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.MEMBER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lag;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.orderBy;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.val;

import io.firstpin.event.EventKind;
import io.firstpin.event.EventStatus;
import io.firstpin.platform.db.tables.Event;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The KPI queries, set-based so that their cost does not grow with a loop over events, and bounded by the period: the
 * attendees of the period's events (and of the one before, and of the year after for returns) are read and walked per
 * member with window functions, and of the earlier history only whether each participant has any, which decides who
 * is a newcomer. Window functions rather than joins of those rows with themselves, whose sizes PostgreSQL cannot
 * estimate, keep the plans linear. They run unchanged on H2 and PostgreSQL.
 *
 * <p>An attendee of an event is a member checked in there whose registration, if any, is confirmed; for an event
 * without any check-in, a member with a confirmed registration. Waitlisted, lottery-applied, lottery-lost and cancelled
 * registrations never count.
 */
@Component
public class KpiQueries {

    /** Before any community's history (see {@code Period}), for queries from the beginning. */
    public static final Instant BEGINNING = Instant.parse("1900-01-01T00:00:00Z");

    private final DSLContext db;

    KpiQueries(DSLContext db) {
        this.db = db;
    }

    /**
     * The scope's events starting in [{@code from}, {@code to}), preceded by the last one before {@code from} (all
     * of those at its start time), in start order (ties by id), with whether anyone checked in (as the attendee rows
     * were last counted). Sub-events (an after-party under its study session) are not events of the scope's sequence:
     * their guests came to the parent, and a second event of the same evening would halve its newcomers and returns.
     */
    public List<ScopeEvent> events(Collection<Long> communityIds, Instant from, Instant to) {
        Event before = EVENT.as("before");
        Field<OffsetDateTime> since = coalesce(field(select(max(before.STARTS_AT)).from(before)
                .where(before.COMMUNITY_ID.in(communityIds)).and(before.PARENT_EVENT_ID.isNull())
                .and(before.STARTS_AT.lt(at(from))).and(before.STATUS.in(EventStatus.counted())))
                .cast(OffsetDateTime.class), val(at(from)));
        return db.select(EVENT.ID, EVENT.COMMUNITY_ID, EVENT.TITLE, EVENT.STARTS_AT, EVENT.PREFECTURE_CODE, EVENT.CITY,
                        EVENT.ONLINE, coalesce(ATTENDEE_EVENT.CHECKED_IN, inline(false)), EVENT.KIND)
                .from(EVENT)
                .leftJoin(ATTENDEE_EVENT).on(ATTENDEE_EVENT.EVENT_ID.eq(EVENT.ID))
                .where(EVENT.COMMUNITY_ID.in(communityIds))
                .and(EVENT.STATUS.in(EventStatus.counted()))
                .and(EVENT.PARENT_EVENT_ID.isNull())
                .and(EVENT.STARTS_AT.ge(since))
                .and(EVENT.STARTS_AT.lt(at(to)))
                .orderBy(EVENT.STARTS_AT, EVENT.ID)
                .fetch(r -> new ScopeEvent(r.value1(), r.value2(), r.value3(), r.value4().toInstant(), r.value5(),
                        r.value6(), r.value7(), r.value8(), EventKind.valueOf(r.value9())));
    }

    /** When each community of the scope held its first event, for those that held one. */
    public Map<Long, Instant> firstEvents(Collection<Long> communityIds) {
        return db.select(EVENT.COMMUNITY_ID, min(EVENT.STARTS_AT))
                .from(EVENT)
                .where(EVENT.COMMUNITY_ID.in(communityIds))
                .and(EVENT.STATUS.in(EventStatus.counted()))
                .and(EVENT.PARENT_EVENT_ID.isNull())
                .groupBy(EVENT.COMMUNITY_ID)
                .fetchMap(r -> r.value1(), r -> r.value2().toInstant());
    }

    /**
     * Per event of the scope starting in [{@code since}, {@code to}), read from the members' walks through the scope
     * (staff left out): its attendees, its newcomers (no earlier attendance in scope), those back from the scope's
     * previous event, and those for whom it is the first or the second attendance since {@code from}, which add up to
     * the period's participants and repeaters. {@code since} is the start of the event before the period, whose
     * attendees the first event's return rate needs.
     *
     * <p>Values are written into these statements rather than bound: they read a few hundred thousand rows, and a plan
     * made for the actual scope and period (in parallel, where the database can) beats one made for any.
     */
    public List<WalkedEvent> walkedEvents(Scope scope, Instant since, Instant from, Instant to) {
        Map<Long, Integer> returning = returningFromPrevious(scope, since, to);
        Field<OffsetDateTime> start = inline(at(from));
        var w = ATTENDEE_WALK;
        return db.select(w.EVENT_ID, count(), count().filterWhere(w.PREVIOUS_AT.isNull()),
                        count().filterWhere(w.PREVIOUS_AT.isNull().or(w.PREVIOUS_AT.lt(start))),
                        count().filterWhere(w.PREVIOUS_AT.ge(start)
                                .and(w.BEFORE_PREVIOUS_AT.isNull().or(w.BEFORE_PREVIOUS_AT.lt(start)))))
                .from(w)
                .where(inScope(scope))
                .and(w.STARTS_AT.ge(inline(at(since))))
                .and(w.STARTS_AT.lt(inline(at(to))))
                .groupBy(w.EVENT_ID)
                .fetch(r -> new WalkedEvent(r.value1(), r.value2(), r.value3(),
                        returning.getOrDefault(r.value1(), 0), r.value4(), r.value5()));
    }

    /**
     * The scope's figures over the events starting in [{@code from}, {@code to}) in one grouped pass over the walk rows,
     * staff left out: newcomers, participants (their first attendance since {@code from}) and repeaters (their second),
     * the same counts {@link #walkedEvents} gives per event, added up.
     */
    public WalkedEvent periodTotals(Scope scope, Instant from, Instant to) {
        Field<OffsetDateTime> start = inline(at(from));
        var w = ATTENDEE_WALK;
        return db.select(count(), count().filterWhere(w.PREVIOUS_AT.isNull()),
                        count().filterWhere(w.PREVIOUS_AT.isNull().or(w.PREVIOUS_AT.lt(start))),
                        count().filterWhere(w.PREVIOUS_AT.ge(start)
                                .and(w.BEFORE_PREVIOUS_AT.isNull().or(w.BEFORE_PREVIOUS_AT.lt(start)))))
                .from(w)
                .where(inScope(scope))
                .and(w.STARTS_AT.ge(start))
                .and(w.STARTS_AT.lt(inline(at(to))))
                .fetchSingle(r -> new WalkedEvent(0, r.value1(), r.value2(), 0, r.value3(), r.value4()));
    }

    /**
     * Per event of the scope starting in [{@code since}, {@code to}), how many attendees' previous attendance in scope
     * was the scope's previous event: counted per event, from the walks' index by event.
     */
    private Map<Long, Integer> returningFromPrevious(Scope scope, Instant since, Instant to) {
        Table<?> order = select(EVENT.ID.as("id"),
                        lag(EVENT.ID).over(orderBy(EVENT.STARTS_AT, EVENT.ID)).as("previous_id"))
                .from(EVENT)
                .where(EVENT.COMMUNITY_ID.in(scope.communityIds().stream().map(DSL::inline).toList()))
                .and(EVENT.STATUS.in(EventStatus.counted().stream().map(DSL::inline).toList()))
                .and(EVENT.PARENT_EVENT_ID.isNull())
                .and(EVENT.STARTS_AT.ge(inline(at(since))))
                .and(EVENT.STARTS_AT.lt(inline(at(to))))
                .asTable("scope_order");
        Field<Long> eventId = order.field("id", Long.class);
        var w = ATTENDEE_WALK;
        return db.select(eventId, field(selectCount().from(w)
                        .where(w.EVENT_ID.eq(eventId))
                        .and(inScope(scope))
                        .and(w.PREVIOUS_EVENT_ID.eq(order.field("previous_id", Long.class)))))
                .from(order)
                .fetchMap(r -> r.value1(), r -> r.value2());
    }

    /**
     * Per event among {@code eventIds}, how many of its attendees (staff left out) attended no earlier event of any
     * community of the organization: newcomers in the walk through the whole tree that holds the event ({@code root}
     * with its branches) who never walked through another top-level community's tree before it. Read through the
     * walks' index by event, newcomers only, so the cost follows the period's newcomers, not its attendances.
     */
    public Map<Long, Integer> newToOrganization(long root, Collection<Long> otherRoots, Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        var w = ATTENDEE_WALK;
        var earlier = ATTENDEE_WALK.as("earlier");
        Condition neverElsewhere = otherRoots.isEmpty() ? DSL.noCondition()
                : DSL.notExists(DSL.selectOne().from(earlier)
                        .where(earlier.MEMBER_ID.eq(w.MEMBER_ID))
                        .and(earlier.SCOPE_ID.in(otherRoots.stream().map(DSL::inline).toList()))
                        .and(earlier.BRANCHES.isTrue())
                        .and(earlier.STARTS_AT.lt(w.STARTS_AT)
                                .or(earlier.STARTS_AT.eq(w.STARTS_AT).and(earlier.EVENT_ID.lt(w.EVENT_ID)))));
        return db.select(w.EVENT_ID, count())
                .from(w)
                .where(w.EVENT_ID.in(eventIds.stream().map(DSL::inline).toList()))
                .and(w.SCOPE_ID.eq(inline(root)))
                .and(w.BRANCHES.isTrue())
                .and(w.PREVIOUS_EVENT_ID.isNull())
                .and(neverElsewhere)
                .groupBy(w.EVENT_ID)
                .fetchMap(r -> r.value1(), r -> r.value2());
    }

    private static Condition inScope(Scope scope) {
        return ATTENDEE_WALK.SCOPE_ID.eq(inline(scope.id())).and(ATTENDEE_WALK.BRANCHES.eq(inline(scope.branches())));
    }

    /**
     * The first and second attendance in scope of every newcomer of the events starting in [{@code from},
     * {@code to}) who came back, for the retention cohorts; those who did not come back are counted by
     * {@link #walkedEvents}.
     */
    public List<Return> returns(Scope scope, Instant from, Instant to) {
        var w = ATTENDEE_WALK;
        return db.select(w.STARTS_AT, w.NEXT_AT)
                .from(w)
                .where(inScope(scope))
                .and(w.STARTS_AT.ge(inline(at(from))))
                .and(w.STARTS_AT.lt(inline(at(to))))
                .and(w.PREVIOUS_AT.isNull())
                .and(w.NEXT_AT.isNotNull())
                .fetch(r -> new Return(r.value1().toInstant(), r.value2().toInstant()));
    }

    /**
     * One row per member, staff left out, who attended an event of the scope starting before {@code before}: how many
     * such events, and the starts of their first, second (null after one) and latest, for the ladder; read from the
     * members' walks, where the second is the one whose previous attendance is the first.
     */
    public List<AttendanceSpan> attendanceSpans(Scope scope, Instant before) {
        var w = ATTENDEE_WALK;
        return db.select(w.MEMBER_ID, count(), min(w.STARTS_AT),
                        min(w.STARTS_AT).filterWhere(w.PREVIOUS_AT.isNotNull().and(w.BEFORE_PREVIOUS_AT.isNull())),
                        max(w.STARTS_AT))
                .from(w)
                .where(inScope(scope))
                .and(w.STARTS_AT.lt(inline(at(before))))
                .groupBy(w.MEMBER_ID)
                .fetch(r -> new AttendanceSpan(r.value1(), r.value2(), r.value3().toInstant(),
                        r.value4() == null ? null : r.value4().toInstant(), r.value5().toInstant()));
    }

    /**
     * The events of the organization starting before {@code before} that this member attended, staff or not: the kept
     * attendee rows, with the check-in's time where there is one.
     */
    public List<AttendedEvent> attendedBy(long organizationId, long memberId, Instant before) {
        return db.select(EVENT.ID, EVENT.COMMUNITY_ID, EVENT.TITLE, EVENT.STARTS_AT, ATTENDANCE.CHECKED_IN_AT)
                .from(ATTENDEE)
                .join(EVENT).on(EVENT.ID.eq(ATTENDEE.EVENT_ID))
                .leftJoin(ATTENDANCE).on(ATTENDANCE.EVENT_ID.eq(ATTENDEE.EVENT_ID)
                        .and(ATTENDANCE.MEMBER_ID.eq(ATTENDEE.MEMBER_ID)))
                .where(ATTENDEE.MEMBER_ID.eq(memberId))
                .and(EVENT.ORGANIZATION_ID.eq(organizationId))
                .and(ATTENDEE.STARTS_AT.lt(at(before)))
                .fetch(row -> new AttendedEvent(row.value1(), row.value2(), row.value3(), row.value4().toInstant(),
                        row.value5() == null ? null : row.value5().toInstant()));
    }

    /**
     * Which staff members attended which events starting in [{@code from}, {@code to}); sub-events left out, as
     * they are of the scope's events ({@link #events}).
     */
    public List<Attended> staffAttendance(Collection<Long> communityIds, Instant from, Instant to) {
        return db.select(ATTENDEE.EVENT_ID, ATTENDEE.MEMBER_ID)
                .from(ATTENDEE)
                .join(MEMBER).on(MEMBER.ID.eq(ATTENDEE.MEMBER_ID))
                .join(EVENT).on(EVENT.ID.eq(ATTENDEE.EVENT_ID))
                .where(MEMBER.STAFF.isTrue())
                .and(EVENT.PARENT_EVENT_ID.isNull())
                .and(ATTENDEE.COMMUNITY_ID.in(communityIds))
                .and(ATTENDEE.STARTS_AT.ge(at(from)))
                .and(ATTENDEE.STARTS_AT.lt(at(to)))
                .fetch(row -> new Attended(row.value1(), row.value2()));
    }

    /** Which of these members, staff left out, attended which of these events. */
    public List<Attended> attendedAmong(Collection<Long> eventIds, Collection<Long> memberIds) {
        if (eventIds.isEmpty() || memberIds.isEmpty()) {
            return List.of();
        }
        return db.select(ATTENDEE.EVENT_ID, ATTENDEE.MEMBER_ID)
                .from(ATTENDEE)
                .join(MEMBER).on(MEMBER.ID.eq(ATTENDEE.MEMBER_ID))
                .where(MEMBER.STAFF.isFalse())
                .and(ATTENDEE.EVENT_ID.in(eventIds))
                .and(ATTENDEE.MEMBER_ID.in(memberIds))
                .fetch(row -> new Attended(row.value1(), row.value2()));
    }

    /** Confirmed registrations of the events starting in [{@code from}, {@code to}), and how many did not check in. */
    public List<Seats> confirmedSeats(Collection<Long> communityIds, Instant from, Instant to) {
        return db.select(ATTENDEE_EVENT.EVENT_ID, ATTENDEE_EVENT.CONFIRMED, ATTENDEE_EVENT.NO_SHOWS)
                .from(ATTENDEE_EVENT)
                .join(EVENT).on(EVENT.ID.eq(ATTENDEE_EVENT.EVENT_ID))
                .where(EVENT.COMMUNITY_ID.in(communityIds))
                .and(EVENT.STARTS_AT.ge(at(from)))
                .and(EVENT.STARTS_AT.lt(at(to)))
                .fetch(row -> new Seats(row.value1(), row.value2(), row.value3()));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public record ScopeEvent(long id, long communityId, String title, Instant startsAt, String prefectureCode,
            String city, boolean online, boolean checkedIn, EventKind kind) {
    }

    /** A community alone ({@code branches} false) or with its branches, and the communities that makes. */
    public record Scope(long id, boolean branches, Collection<Long> communityIds) {
    }

    /**
     * @param firstSincePeriodStart attendees for whom this is their first attendance in the period
     * @param secondSincePeriodStart attendees for whom this is their second attendance in the period
     */
    public record WalkedEvent(long eventId, int attendees, int newcomers, int returningFromPrevious,
            int firstSincePeriodStart, int secondSincePeriodStart) {
    }

    /** A newcomer's first attendance in scope and the next one. */
    public record Return(Instant firstAt, Instant secondAt) {
    }

    public record Attended(long eventId, long memberId) {
    }

    /** @param secondAt null for someone who attended once */
    public record AttendanceSpan(long memberId, int events, Instant firstAt, Instant secondAt, Instant lastAt) {
    }

    /** @param checkedInAt null where the event has no check-ins and the confirmed registration counts */
    public record AttendedEvent(long eventId, long communityId, String title, Instant startsAt, Instant checkedInAt) {
    }

    public record Seats(long eventId, int confirmed, int noShows) {
    }
}
