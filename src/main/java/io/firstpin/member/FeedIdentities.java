package io.firstpin.member;

import static io.firstpin.platform.db.Tables.MEMBER_IDENTITY;

import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The feed addresses members gave as an identity (on the member page, or by an import), as a query part for the
 * output module's query that finds the ones it does not follow yet, in one statement; the identity table is read by
 * its owner's code only.
 *
 * @param table select from it; its columns are the fields below
 * @param id in the order the identities were given
 */
public record FeedIdentities(Table<?> table, Field<Long> id, Field<Long> organizationId, Field<Long> memberId,
        Field<String> address) {

    public static FeedIdentities all() {
        Table<?> table = DSL.select(MEMBER_IDENTITY.ID.as("id"), MEMBER_IDENTITY.ORGANIZATION_ID.as("organization_id"),
                        MEMBER_IDENTITY.MEMBER_ID.as("member_id"), MEMBER_IDENTITY.IDENTITY_VALUE.as("address"))
                .from(MEMBER_IDENTITY)
                .where(MEMBER_IDENTITY.KIND.eq(IdentityKind.FEED.name()))
                .asTable("feed_identity");
        return new FeedIdentities(table, table.field("id", Long.class), table.field("organization_id", Long.class),
                table.field("member_id", Long.class), table.field("address", String.class));
    }
}
