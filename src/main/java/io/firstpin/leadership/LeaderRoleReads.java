package io.firstpin.leadership;

import static io.firstpin.platform.db.Tables.LEADER_ROLE;

import java.time.LocalDate;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The leader roles as query parts for the KPIs' statements: who led which community, from when to when (ended null
 * while it lasts), so that the role table is read by its owner's code only.
 */
public final class LeaderRoleReads {

    private LeaderRoleReads() {
    }

    public static Table<?> roles() {
        return LEADER_ROLE;
    }

    /** The role's id, which orders roles started on the same day. */
    public static Field<Long> id() {
        return LEADER_ROLE.ID;
    }

    public static Field<Long> organizationId() {
        return LEADER_ROLE.ORGANIZATION_ID;
    }

    public static Field<Long> communityId() {
        return LEADER_ROLE.COMMUNITY_ID;
    }

    public static Field<Long> memberId() {
        return LEADER_ROLE.MEMBER_ID;
    }

    public static Field<LocalDate> startedOn() {
        return LEADER_ROLE.STARTED_ON;
    }

    public static Field<LocalDate> endedOn() {
        return LEADER_ROLE.ENDED_ON;
    }
}
