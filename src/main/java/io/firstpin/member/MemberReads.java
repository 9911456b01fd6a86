package io.firstpin.member;

import static io.firstpin.platform.db.Tables.MEMBER;

import io.firstpin.platform.db.tables.Member;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

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

    /**
     * The member with this id is not staff: asked of the few staff members, through their index, so that a statement
     * over thousands of attendees does not look up each one's member row.
     */
    public static Condition notStaff(Field<Long> memberId) {
        Member staff = MEMBER.as("staff_member");
        return DSL.notExists(DSL.selectOne().from(staff).where(staff.ID.eq(memberId)).and(staff.STAFF.isTrue()));
    }
}
