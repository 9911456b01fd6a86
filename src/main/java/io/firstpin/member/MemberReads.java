package io.firstpin.member;

import static io.firstpin.platform.db.Tables.MEMBER;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The members as query parts for other modules' statements (the KPIs, the member list's activity): their id, name and
 * whether they are staff, so that the member table is read by its owner's code only.
 */
public final class MemberReads {

    private MemberReads() {
    }

    public static Table<?> members() {
        return MEMBER;
    }

    public static Field<Long> id() {
        return MEMBER.ID;
    }

    public static Field<Long> organizationId() {
        return MEMBER.ORGANIZATION_ID;
    }

    public static Field<String> displayName() {
        return MEMBER.DISPLAY_NAME;
    }

    /** Whether the member is staff (社員), whom the KPIs leave out. */
    public static Field<Boolean> staff() {
        return MEMBER.STAFF;
    }

    public static Condition isStaff() {
        return MEMBER.STAFF.isTrue();
    }

    public static Condition isNotStaff() {
        return MEMBER.STAFF.isFalse();
    }
}
