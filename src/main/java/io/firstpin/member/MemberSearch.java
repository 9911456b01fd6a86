package io.firstpin.member;

import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.MEMBER_IDENTITY;

import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/** Finds an organization's members by a part of their name or of any identity, a page at a time. */
@Service
public class MemberSearch {

    public static final int MAX_PAGE_SIZE = 200;

    private final DSLContext db;
    private final Members members;

    MemberSearch(DSLContext db, Members members) {
        this.db = db;
        this.members = members;
    }

    /**
     * Members (not merged into another) whose display name contains the query (ignoring case) or who have an identity containing it; all members
     * for a blank query. Ordered by display name. {@code page} counts from 0; {@code size} is kept within 1 to 200.
     */
    public MemberPage search(long organizationId, String query, int page, int size) {
        return search(organizationId, query, page, size, DSL.noCondition());
    }

    /** The same search among the members {@code among} keeps (a condition on {@code member.id}). */
    MemberPage search(long organizationId, String query, int page, int size, Condition among) {
        int pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
        int pageIndex = Math.max(0, page);
        Condition matches = matches(organizationId, query).and(among);
        long total = db.fetchCount(MEMBER, matches);
        List<Long> ids = db.select(MEMBER.ID)
                .from(MEMBER)
                .where(matches)
                .orderBy(DSL.lower(MEMBER.DISPLAY_NAME), MEMBER.ID)
                .limit(pageSize)
                .offset((long) pageIndex * pageSize)
                .fetch(MEMBER.ID);
        return new MemberPage(members.inOrganization(organizationId, ids), pageIndex, pageSize, total);
    }

    /** The organization's members (merged ones left out) whose name or an identity contains the text. */
    static Condition matches(long organizationId, String query) {
        return MEMBER.ORGANIZATION_ID.eq(organizationId).and(MEMBER.MERGED_INTO_ID.isNull())
                .and(matching(organizationId, query));
    }

    private static Condition matching(long organizationId, String query) {
        String text = query == null ? "" : query.strip();
        if (text.isEmpty()) {
            return DSL.noCondition();
        }
        String identityText = text.startsWith("@") || text.startsWith("＠") ? text.substring(1) : text;
        Condition byName = MEMBER.DISPLAY_NAME.containsIgnoreCase(text);
        if (identityText.isEmpty()) {
            return byName;
        }
        return byName.or(DSL.exists(DSL.selectOne()
                .from(MEMBER_IDENTITY)
                .where(MEMBER_IDENTITY.MEMBER_ID.eq(MEMBER.ID))
                .and(MEMBER_IDENTITY.ORGANIZATION_ID.eq(organizationId))
                .and(MEMBER_IDENTITY.NORMALIZED_VALUE.containsIgnoreCase(identityText))));
    }
}
