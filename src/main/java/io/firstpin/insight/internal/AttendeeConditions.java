package io.firstpin.insight.internal;

import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.REGISTRATION;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import io.firstpin.platform.db.tables.Attendance;
import io.firstpin.platform.db.tables.Registration;
import org.jooq.Condition;
import org.jooq.Record1;
import org.jooq.Select;

/**
 * The parts of the attendee rule (docs/kpis.md) shared by the insight queries that still apply it themselves (leaders, love,
 * member timelines); the KPIs and the ladder read the rows the attendee module keeps by the same rule.
 */
final class AttendeeConditions {

    static final String CONFIRMED = "CONFIRMED";

    private AttendeeConditions() {
    }

    /** The check-in has no registration other than a confirmed one. */
    static Condition countedCheckIn(Attendance a) {
        Registration other = REGISTRATION.as(a.getName() + "_registration");
        return notExists(selectOne().from(other)
                .where(other.EVENT_ID.eq(a.EVENT_ID))
                .and(other.MEMBER_ID.eq(a.MEMBER_ID))
                .and(other.STATUS.ne(CONFIRMED)));
    }

    /** The members flagged as staff, left out of every participation KPI. */
    static Select<Record1<Long>> staff() {
        return select(MEMBER.ID).from(MEMBER).where(MEMBER.STAFF.isTrue());
    }
}
