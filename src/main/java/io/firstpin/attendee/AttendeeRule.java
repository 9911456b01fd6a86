package io.firstpin.attendee;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.REGISTRATION;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import io.firstpin.platform.db.tables.Attendance;
import io.firstpin.platform.db.tables.Event;
import io.firstpin.platform.db.tables.Registration;
import io.firstpin.registration.RegistrationStatus;
import java.time.OffsetDateTime;
import java.util.Collection;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * The attendee rule of docs/kpis.md, the one place it is written: an attendee of an event is a member checked in there
 * whose registration, if they have one, is confirmed; at an event nobody checked in at, a member with a confirmed
 * registration. A waitlisted, lottery or cancelled registration never counts, not even with a check-in.
 * <p>
 * Readers that can wait for the kept rows read those ({@link Attendees}); this is the rule as a query over the history
 * itself, for a transaction that must see its own writes (survey and nudge recipients, a registrant's survey).
 */
public final class AttendeeRule {

    private static final String CONFIRMED = RegistrationStatus.CONFIRMED.name();

    private AttendeeRule() {
    }

    /** Whether the member is an attendee of the event, for fields of an enclosing query. */
    public static Condition attended(Field<Long> eventId, Field<Long> memberId) {
        Attendance checkIn = ATTENDANCE.as("rule_check_in");
        Attendance anyCheckIn = ATTENDANCE.as("rule_any_check_in");
        Registration confirmed = REGISTRATION.as("rule_confirmed");
        return exists(selectOne().from(checkIn)
                        .where(checkIn.EVENT_ID.eq(eventId)).and(checkIn.MEMBER_ID.eq(memberId))
                        .and(onlyConfirmed(checkIn)))
                .or(notExists(selectOne().from(anyCheckIn).where(anyCheckIn.EVENT_ID.eq(eventId)))
                        .and(exists(selectOne().from(confirmed)
                                .where(confirmed.EVENT_ID.eq(eventId)).and(confirmed.MEMBER_ID.eq(memberId))
                                .and(confirmed.STATUS.eq(CONFIRMED)))));
    }

    /**
     * The attendees as (event, member, community, start), of these members only unless {@code members} is null: at the
     * events {@code byCheckIn} picks, counted by check-in; at those {@code byRegistration} picks, by confirmed
     * registration. Which events are counted which way is the caller's to say, so that the attendee module stores its
     * rows with exactly the basis they were counted on.
     */
    public static Select<Record4<Long, Long, Long, OffsetDateTime>> attendees(Event e, Condition byCheckIn,
            Condition byRegistration, Collection<Long> members) {
        Attendance a = ATTENDANCE.as("a");
        Registration r = REGISTRATION.as("r");
        var checkedIn = select(a.EVENT_ID, a.MEMBER_ID, e.COMMUNITY_ID, e.STARTS_AT)
                .from(a)
                .join(e).on(e.ID.eq(a.EVENT_ID))
                .where(byCheckIn)
                .and(members == null ? noCondition() : a.MEMBER_ID.in(members))
                .and(onlyConfirmed(a));
        var byRegistrations = select(r.EVENT_ID, r.MEMBER_ID, e.COMMUNITY_ID, e.STARTS_AT)
                .from(r)
                .join(e).on(e.ID.eq(r.EVENT_ID))
                .where(byRegistration)
                .and(members == null ? noCondition() : r.MEMBER_ID.in(members))
                .and(r.STATUS.eq(CONFIRMED));
        return checkedIn.unionAll(byRegistrations);
    }

    /** The events of {@code e} where anyone checked in: their attendees are counted by check-in. */
    public static Condition anyoneCheckedIn(Event e) {
        Attendance any = ATTENDANCE.as("rule_event_check_in");
        return exists(selectOne().from(any).where(any.EVENT_ID.eq(e.ID)));
    }

    /** How many events the member is an attendee of, for the member id of an enclosing query. */
    public static Field<Integer> eventsAttended(Field<Long> memberId) {
        Event took = EVENT.as("rule_took_part");
        Registration registered = REGISTRATION.as("rule_registered");
        Attendance checkedIn = ATTENDANCE.as("rule_checked_in");
        return DSL.field(DSL.selectCount().from(took)
                .where(took.ID.in(select(registered.EVENT_ID).from(registered).where(registered.MEMBER_ID.eq(memberId))
                        .union(select(checkedIn.EVENT_ID).from(checkedIn).where(checkedIn.MEMBER_ID.eq(memberId)))))
                .and(attended(took.ID, memberId)));
    }

    /** The seats the frame's confirmed registrations hold, for the frame id of an enclosing query. */
    public static Field<Integer> seatsHeld(Field<Long> frameId) {
        Registration seat = REGISTRATION.as("rule_seat");
        return DSL.field(DSL.selectCount().from(seat).where(seat.FRAME_ID.eq(frameId)).and(holdsSeat(seat)));
    }

    /** The confirmed registrations, as the seats an event holds. */
    public static Condition holdsSeat(Registration r) {
        return r.STATUS.eq(CONFIRMED);
    }

    /** The check-in's member has no registration there other than a confirmed one. */
    private static Condition onlyConfirmed(Attendance a) {
        Registration other = REGISTRATION.as(a.getName() + "_other");
        return notExists(selectOne().from(other)
                .where(other.EVENT_ID.eq(a.EVENT_ID))
                .and(other.MEMBER_ID.eq(a.MEMBER_ID))
                .and(other.STATUS.ne(CONFIRMED)));
    }
}
