package io.firstpin.insight.internal;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.REGISTRATION;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.lag;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.orderBy;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import io.firstpin.platform.db.tables.Attendance;
import io.firstpin.platform.db.tables.Member;
import io.firstpin.platform.db.tables.Registration;
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
import org.springframework.stereotype.Component;

/**
 * The KPI queries, set-based so that their cost does not grow with a loop over events: one query numbers the scope's
 * events and walks every attendee's history with window functions; the others count registrations and staff. They run
 * unchanged on H2 and PostgreSQL.
 *
 * <p>An attendee of an event is a member checked in there whose registration, if any, is confirmed; for an event
 * without any check-in, a member with a confirmed registration. Waitlisted, lottery-applied, lottery-lost and cancelled
 * registrations never count.
 */
@Component
public class KpiQueries {

    private static final String CONFIRMED = "CONFIRMED";

    private final DSLContext db;

    KpiQueries(DSLContext db) {
        this.db = db;
    }

    /** The scope's events starting before {@code before}, in start order (ties by id), with whether anyone checked in. */
    public List<ScopeEvent> events(Collection<Long> communityIds, Instant before) {
        Field<Boolean> checkedIn = org.jooq.impl.DSL.field(exists(
                selectOne().from(ATTENDANCE).where(ATTENDANCE.EVENT_ID.eq(EVENT.ID)))).as("checked_in");
        return db.select(EVENT.ID, EVENT.COMMUNITY_ID, EVENT.TITLE, EVENT.STARTS_AT, EVENT.PREFECTURE_CODE, EVENT.CITY,
                        EVENT.ONLINE, checkedIn)
                .from(EVENT)
                .where(EVENT.COMMUNITY_ID.in(communityIds).and(EVENT.STARTS_AT.lt(at(before))))
                .orderBy(EVENT.STARTS_AT, EVENT.ID)
                .fetch(r -> new ScopeEvent(r.value1(), r.value2(), r.value3(), r.value4().toInstant(), r.value5(),
                        r.value6(), r.value7(), r.value8()));
    }

    /** When each community of the scope held its first event, for those that held one. */
    public Map<Long, Instant> firstEvents(Collection<Long> communityIds) {
        return db.select(EVENT.COMMUNITY_ID, min(EVENT.STARTS_AT))
                .from(EVENT)
                .where(EVENT.COMMUNITY_ID.in(communityIds))
                .groupBy(EVENT.COMMUNITY_ID)
                .fetchMap(r -> r.value1(), r -> r.value2().toInstant());
    }

    /**
     * Attendees, newcomers and returning-from-previous of the events that start in [{@code from}, {@code to}), staff
     * left out. Newcomers and the previous event are judged against every earlier event in scope, in the period or not.
     */
    public List<EventCounts> eventCounts(Collection<Long> communityIds, Instant from, Instant to) {
        History x = history(communityIds, to);
        return db.select(x.eventId, count(),
                        count().filterWhere(x.previousSeq.isNull()),
                        count().filterWhere(x.previousSeq.eq(x.seq.minus(1L))))
                .from(x.table)
                .where(x.startsAt.ge(at(from)).and(x.startsAt.lt(at(to))))
                .groupBy(x.eventId)
                .fetch(r -> new EventCounts(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /**
     * One row per participant of the events starting in [{@code from}, {@code to}), staff left out: how many of those
     * events they attended, and when they attended their first and second events in scope. Events up to
     * {@code horizon} are looked at, so that a return after the period is seen.
     */
    public List<Participant> participants(Collection<Long> communityIds, Instant from, Instant to, Instant horizon) {
        History x = history(communityIds, horizon);
        Condition inPeriod = x.startsAt.ge(at(from)).and(x.startsAt.lt(at(to)));
        Field<Integer> eventsInPeriod = count().filterWhere(inPeriod);
        return db.select(x.memberId, eventsInPeriod, min(x.startsAt), min(x.startsAt).filterWhere(x.nth.eq(2L)))
                .from(x.table)
                .groupBy(x.memberId)
                .having(eventsInPeriod.gt(0))
                .fetch(r -> new Participant(r.value1(), r.value2(), r.value3().toInstant(),
                        r.value4() == null ? null : r.value4().toInstant()));
    }

    /** Which staff members attended which events starting in [{@code from}, {@code to}). */
    public List<Attended> staffAttendance(Collection<Long> communityIds, Instant from, Instant to) {
        Condition events = EVENT.COMMUNITY_ID.in(communityIds)
                .and(EVENT.STARTS_AT.ge(at(from))).and(EVENT.STARTS_AT.lt(at(to)));
        Table<?> attendees = attendees(ATTENDANCE.EVENT_ID.in(select(EVENT.ID).from(EVENT).where(events)),
                REGISTRATION.EVENT_ID.in(select(EVENT.ID).from(EVENT).where(events)), true);
        return db.select(attendees.field("event_id", Long.class), attendees.field("member_id", Long.class))
                .from(attendees)
                .fetch(r -> new Attended(r.value1(), r.value2()));
    }

    /** Confirmed registrations of the events starting in [{@code from}, {@code to}), and how many did not check in. */
    public List<Seats> confirmedSeats(Collection<Long> communityIds, Instant from, Instant to) {
        Attendance a = ATTENDANCE.as("a");
        Registration r = REGISTRATION.as("r");
        return db.select(r.EVENT_ID, count(), count().filterWhere(a.ID.isNull()))
                .from(r)
                .leftJoin(a).on(a.EVENT_ID.eq(r.EVENT_ID).and(a.MEMBER_ID.eq(r.MEMBER_ID)))
                .where(r.STATUS.eq(CONFIRMED))
                .and(r.EVENT_ID.in(select(EVENT.ID).from(EVENT).where(EVENT.COMMUNITY_ID.in(communityIds)
                        .and(EVENT.STARTS_AT.ge(at(from))).and(EVENT.STARTS_AT.lt(at(to))))))
                .groupBy(r.EVENT_ID)
                .fetch(row -> new Seats(row.value1(), row.value2(), row.value3()));
    }

    /**
     * Every (event, member) attendance of the scope's events before {@code before}, staff left out, with the event's
     * place in the scope's order ({@code seq}), the place of the member's previous attended event, and which of the
     * member's events it is ({@code nth}, from 1).
     */
    private History history(Collection<Long> communityIds, Instant before) {
        Condition scope = EVENT.COMMUNITY_ID.in(communityIds).and(EVENT.STARTS_AT.lt(at(before)));
        var scopeEvents = select(EVENT.ID).from(EVENT).where(scope);
        Table<?> attendees = attendees(ATTENDANCE.EVENT_ID.in(scopeEvents), REGISTRATION.EVENT_ID.in(scopeEvents), false);
        Field<Long> seq = rowNumber().over(orderBy(EVENT.STARTS_AT, EVENT.ID)).cast(Long.class).as("seq");
        Table<?> ordered = select(EVENT.ID, EVENT.STARTS_AT, seq).from(EVENT).where(scope).asTable("ev");

        Field<Long> memberId = attendees.field("member_id", Long.class);
        Field<Long> eventSeq = ordered.field("seq", Long.class);
        Table<?> walked = select(memberId, ordered.field(EVENT.ID).as("event_id"),
                ordered.field(EVENT.STARTS_AT).as("starts_at"), eventSeq,
                lag(eventSeq).over(partitionBy(memberId).orderBy(eventSeq)).as("previous_seq"),
                rowNumber().over(partitionBy(memberId).orderBy(eventSeq)).cast(Long.class).as("nth"))
                .from(attendees)
                .join(ordered).on(ordered.field(EVENT.ID).eq(attendees.field("event_id", Long.class)))
                .asTable("x");
        return new History(walked);
    }

    /**
     * (event_id, member_id) of the attendees of the events the two conditions select, of staff or of everyone else:
     * checked-in members whose registration, if any, is confirmed; for events without check-ins, confirmed registrants.
     */
    private static Table<?> attendees(Condition attendanceOfEvents, Condition registrationOfEvents, boolean staff) {
        Attendance a = ATTENDANCE;
        Registration r = REGISTRATION.as("r");
        Member m = MEMBER.as("m");
        Attendance anyCheckIn = ATTENDANCE.as("any_check_in");
        var checkedIn = select(a.EVENT_ID.as("event_id"), a.MEMBER_ID.as("member_id"))
                .from(a)
                .join(m).on(m.ID.eq(a.MEMBER_ID))
                .leftJoin(r).on(r.EVENT_ID.eq(a.EVENT_ID).and(r.MEMBER_ID.eq(a.MEMBER_ID)))
                .where(attendanceOfEvents)
                .and(m.STAFF.eq(staff))
                .and(r.ID.isNull().or(r.STATUS.eq(CONFIRMED)));
        Registration registered = REGISTRATION;
        Member registrant = MEMBER.as("registrant");
        var byRegistration = select(registered.EVENT_ID.as("event_id"), registered.MEMBER_ID.as("member_id"))
                .from(registered)
                .join(registrant).on(registrant.ID.eq(registered.MEMBER_ID))
                .where(registrationOfEvents)
                .and(registered.STATUS.eq(CONFIRMED))
                .and(registrant.STAFF.eq(staff))
                .and(notExists(selectOne().from(anyCheckIn).where(anyCheckIn.EVENT_ID.eq(registered.EVENT_ID))));
        return checkedIn.unionAll(byRegistration).asTable("attendee");
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static final class History {

        final Table<?> table;
        final Field<Long> memberId;
        final Field<Long> eventId;
        final Field<OffsetDateTime> startsAt;
        final Field<Long> seq;
        final Field<Long> previousSeq;
        final Field<Long> nth;

        History(Table<?> table) {
            this.table = table;
            this.memberId = table.field("member_id", Long.class);
            this.eventId = table.field("event_id", Long.class);
            this.startsAt = table.field("starts_at", OffsetDateTime.class);
            this.seq = table.field("seq", Long.class);
            this.previousSeq = table.field("previous_seq", Long.class);
            this.nth = table.field("nth", Long.class);
        }
    }

    public record ScopeEvent(long id, long communityId, String title, Instant startsAt, String prefectureCode,
            String city, boolean online, boolean checkedIn) {
    }

    public record EventCounts(long eventId, int attendees, int newcomers, int returningFromPrevious) {
    }

    /** @param secondAt null for someone who attended once */
    public record Participant(long memberId, int eventsInPeriod, Instant firstAt, Instant secondAt) {
    }

    public record Attended(long eventId, long memberId) {
    }

    public record Seats(long eventId, int confirmed, int noShows) {
    }
}
