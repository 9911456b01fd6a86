package io.firstpin.insight.internal;

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

import io.firstpin.attendance.CheckInReads;
import io.firstpin.attendee.AttendeeReads;
import io.firstpin.attendee.AttendeeWalks;
import io.firstpin.event.EventKind;
import io.firstpin.event.EventReads;
import io.firstpin.member.MemberReads;
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
        EventReads e = EventReads.events();
        EventReads before = EventReads.as("before");
        Field<OffsetDateTime> since = coalesce(field(select(max(before.startsAt())).from(before.table())
                .where(before.communityId().in(communityIds)).and(before.ownEvent())
                .and(before.startsAt().lt(at(from))).and(before.counts()))
                .cast(OffsetDateTime.class), val(at(from)));
        return db.select(e.id(), e.communityId(), e.title(), e.startsAt(), e.prefectureCode(), e.city(),
                        e.online(), coalesce(AttendeeReads.checkedIn(), inline(false)), e.kind())
                .from(e.table())
                .leftJoin(AttendeeReads.countedEvents()).on(AttendeeReads.countedEventId().eq(e.id()))
                .where(e.communityId().in(communityIds))
                .and(e.counts())
                .and(e.ownEvent())
                .and(e.startsAt().ge(since))
                .and(e.startsAt().lt(at(to)))
                .orderBy(e.startsAt(), e.id())
                .fetch(r -> new ScopeEvent(r.value1(), r.value2(), r.value3(), r.value4().toInstant(), r.value5(),
                        r.value6(), r.value7(), r.value8(), EventKind.valueOf(r.value9())));
    }

    /** When each community of the scope held its first event, for those that held one. */
    public Map<Long, Instant> firstEvents(Collection<Long> communityIds) {
        EventReads e = EventReads.events();
        return db.select(e.communityId(), min(e.startsAt()))
                .from(e.table())
                .where(e.communityId().in(communityIds))
                .and(e.counts())
                .and(e.ownEvent())
                .groupBy(e.communityId())
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
        AttendeeWalks w = AttendeeWalks.walks();
        return db.select(w.eventId(), count(), count().filterWhere(w.previousAt().isNull()),
                        count().filterWhere(w.previousAt().isNull().or(w.previousAt().lt(start))),
                        count().filterWhere(w.previousAt().ge(start)
                                .and(w.beforePreviousAt().isNull().or(w.beforePreviousAt().lt(start)))))
                .from(w.table())
                .where(inScope(scope))
                .and(w.startsAt().ge(inline(at(since))))
                .and(w.startsAt().lt(inline(at(to))))
                .groupBy(w.eventId())
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
        AttendeeWalks w = AttendeeWalks.walks();
        return db.select(count(), count().filterWhere(w.previousAt().isNull()),
                        count().filterWhere(w.previousAt().isNull().or(w.previousAt().lt(start))),
                        count().filterWhere(w.previousAt().ge(start)
                                .and(w.beforePreviousAt().isNull().or(w.beforePreviousAt().lt(start)))))
                .from(w.table())
                .where(inScope(scope))
                .and(w.startsAt().ge(start))
                .and(w.startsAt().lt(inline(at(to))))
                .fetchSingle(r -> new WalkedEvent(0, r.value1(), r.value2(), 0, r.value3(), r.value4()));
    }

    /**
     * Per event of the scope starting in [{@code since}, {@code to}), how many attendees' previous attendance in scope
     * was the scope's previous event: counted per event, from the walks' index by event.
     */
    private Map<Long, Integer> returningFromPrevious(Scope scope, Instant since, Instant to) {
        EventReads e = EventReads.events();
        Table<?> order = select(e.id().as("id"),
                        lag(e.id()).over(orderBy(e.startsAt(), e.id())).as("previous_id"))
                .from(e.table())
                .where(e.communityId().in(scope.communityIds().stream().map(DSL::inline).toList()))
                .and(e.countsInline())
                .and(e.ownEvent())
                .and(e.startsAt().ge(inline(at(since))))
                .and(e.startsAt().lt(inline(at(to))))
                .asTable("scope_order");
        Field<Long> eventId = order.field("id", Long.class);
        AttendeeWalks w = AttendeeWalks.walks();
        return db.select(eventId, field(selectCount().from(w.table())
                        .where(w.eventId().eq(eventId))
                        .and(inScope(scope))
                        .and(w.previousEventId().eq(order.field("previous_id", Long.class)))))
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
        AttendeeWalks w = AttendeeWalks.walks();
        AttendeeWalks earlier = AttendeeWalks.as("earlier");
        Condition neverElsewhere = otherRoots.isEmpty() ? DSL.noCondition()
                : DSL.notExists(DSL.selectOne().from(earlier.table())
                        .where(earlier.memberId().eq(w.memberId()))
                        .and(earlier.scopeId().in(otherRoots.stream().map(DSL::inline).toList()))
                        .and(earlier.branches().isTrue())
                        .and(earlier.startsAt().lt(w.startsAt())
                                .or(earlier.startsAt().eq(w.startsAt()).and(earlier.eventId().lt(w.eventId())))));
        return db.select(w.eventId(), count())
                .from(w.table())
                .where(w.eventId().in(eventIds.stream().map(DSL::inline).toList()))
                .and(w.scopeId().eq(inline(root)))
                .and(w.branches().isTrue())
                .and(w.previousEventId().isNull())
                .and(neverElsewhere)
                .groupBy(w.eventId())
                .fetchMap(r -> r.value1(), r -> r.value2());
    }

    private static Condition inScope(Scope scope) {
        AttendeeWalks w = AttendeeWalks.walks();
        return w.scopeId().eq(inline(scope.id())).and(w.branches().eq(inline(scope.branches())));
    }

    /**
     * The first and second attendance in scope of every newcomer of the events starting in [{@code from},
     * {@code to}) who came back, for the retention cohorts; those who did not come back are counted by
     * {@link #walkedEvents}.
     */
    public List<Return> returns(Scope scope, Instant from, Instant to) {
        AttendeeWalks w = AttendeeWalks.walks();
        return db.select(w.startsAt(), w.nextAt())
                .from(w.table())
                .where(inScope(scope))
                .and(w.startsAt().ge(inline(at(from))))
                .and(w.startsAt().lt(inline(at(to))))
                .and(w.previousAt().isNull())
                .and(w.nextAt().isNotNull())
                .fetch(r -> new Return(r.value1().toInstant(), r.value2().toInstant()));
    }

    /**
     * One row per member, staff left out, who attended an event of the scope starting before {@code before}: how many
     * such events, and the starts of their first, second (null after one) and latest, for the ladder; read from the
     * members' walks, where the second is the one whose previous attendance is the first.
     */
    public List<AttendanceSpan> attendanceSpans(Scope scope, Instant before) {
        AttendeeWalks w = AttendeeWalks.walks();
        return db.select(w.memberId(), count(), min(w.startsAt()),
                        min(w.startsAt()).filterWhere(w.previousAt().isNotNull().and(w.beforePreviousAt().isNull())),
                        max(w.startsAt()))
                .from(w.table())
                .where(inScope(scope))
                .and(w.startsAt().lt(inline(at(before))))
                .groupBy(w.memberId())
                .fetch(r -> new AttendanceSpan(r.value1(), r.value2(), r.value3().toInstant(),
                        r.value4() == null ? null : r.value4().toInstant(), r.value5().toInstant()));
    }

    /**
     * The events of the organization starting before {@code before} that this member attended, staff or not: the kept
     * attendee rows, with the check-in's time where there is one.
     */
    public List<AttendedEvent> attendedBy(long organizationId, long memberId, Instant before) {
        EventReads e = EventReads.events();
        return db.select(e.id(), e.communityId(), e.title(), e.startsAt(), CheckInReads.checkedInAt())
                .from(AttendeeReads.attendees())
                .join(e.table()).on(e.id().eq(AttendeeReads.eventId()))
                .leftJoin(CheckInReads.checkIns())
                .on(CheckInReads.of(AttendeeReads.eventId(), AttendeeReads.memberId()))
                .where(AttendeeReads.memberId().eq(memberId))
                .and(e.organizationId().eq(organizationId))
                .and(AttendeeReads.startsAt().lt(at(before)))
                .fetch(row -> new AttendedEvent(row.value1(), row.value2(), row.value3(), row.value4().toInstant(),
                        row.value5() == null ? null : row.value5().toInstant()));
    }

    /**
     * Which staff members attended which events starting in [{@code from}, {@code to}); sub-events left out, as
     * they are of the scope's events ({@link #events}).
     */
    public List<Attended> staffAttendance(Collection<Long> communityIds, Instant from, Instant to) {
        EventReads e = EventReads.events();
        return db.select(AttendeeReads.eventId(), AttendeeReads.memberId())
                .from(AttendeeReads.attendees())
                .join(MemberReads.members()).on(MemberReads.id().eq(AttendeeReads.memberId()))
                .join(e.table()).on(e.id().eq(AttendeeReads.eventId()))
                .where(MemberReads.isStaff())
                .and(e.ownEvent())
                .and(AttendeeReads.communityId().in(communityIds))
                .and(AttendeeReads.startsAt().ge(at(from)))
                .and(AttendeeReads.startsAt().lt(at(to)))
                .fetch(row -> new Attended(row.value1(), row.value2()));
    }

    /** Which of these members, staff left out, attended which of these events. */
    public List<Attended> attendedAmong(Collection<Long> eventIds, Collection<Long> memberIds) {
        if (eventIds.isEmpty() || memberIds.isEmpty()) {
            return List.of();
        }
        return db.select(AttendeeReads.eventId(), AttendeeReads.memberId())
                .from(AttendeeReads.attendees())
                .where(MemberReads.notStaff(AttendeeReads.memberId()))
                .and(AttendeeReads.eventId().in(eventIds))
                .and(AttendeeReads.memberId().in(memberIds))
                .fetch(row -> new Attended(row.value1(), row.value2()));
    }

    /** Confirmed registrations of the events starting in [{@code from}, {@code to}), and how many did not check in. */
    public List<Seats> confirmedSeats(Collection<Long> communityIds, Instant from, Instant to) {
        EventReads e = EventReads.events();
        return db.select(AttendeeReads.countedEventId(), AttendeeReads.confirmed(), AttendeeReads.noShows())
                .from(AttendeeReads.countedEvents())
                .join(e.table()).on(e.id().eq(AttendeeReads.countedEventId()))
                .where(e.communityId().in(communityIds))
                .and(e.startsAt().ge(at(from)))
                .and(e.startsAt().lt(at(to)))
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
