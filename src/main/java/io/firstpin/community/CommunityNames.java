package io.firstpin.community;

import static io.firstpin.platform.db.Tables.COMMUNITY;

import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A community's name and time zone as query parts, for another module's query that shows its rows with their
 * community in one statement; the community table is read by its owner's code only.
 */
public final class CommunityNames {

    private CommunityNames() {
    }

    /** Every community as a table of its {@link #id}, {@link #name} and {@link #timeZone}; join it on the id. */
    public static Table<Record3<Long, String, String>> table() {
        return DSL.select(COMMUNITY.ID.as("id"), COMMUNITY.NAME.as("name"), COMMUNITY.TIME_ZONE.as("time_zone"))
                .from(COMMUNITY)
                .asTable("community_names");
    }

    public static Field<Long> id(Table<Record3<Long, String, String>> communities) {
        return communities.field(0, Long.class);
    }

    public static Field<String> name(Table<Record3<Long, String, String>> communities) {
        return communities.field(1, String.class);
    }

    /** The zone id, as in {@link Community#timeZone()}. */
    public static Field<String> timeZone(Table<Record3<Long, String, String>> communities) {
        return communities.field(2, String.class);
    }
}
