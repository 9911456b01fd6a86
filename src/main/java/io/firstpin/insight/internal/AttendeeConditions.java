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

/** The parts of PRODUCT.md's attendee rule that every insight query shares, written once. */
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
