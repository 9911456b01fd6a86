package io.firstpin.member;

import static io.firstpin.platform.db.Tables.MEMBER;

import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Members' display names as a query part, for another module's list of people built in one statement; the member
 * table is read by its owner's code only.
 *
 * @param table join it on {@link #id}
 */
public record MemberNames(Table<?> table, Field<Long> id, Field<String> displayName) {

    public static MemberNames all() {
        Table<?> table = DSL.select(MEMBER.ID.as("id"), MEMBER.DISPLAY_NAME.as("display_name"))
                .from(MEMBER)
                .asTable("member_name");
        return new MemberNames(table, table.field("id", Long.class), table.field("display_name", String.class));
    }
}
