package io.firstpin.attendee.internal;

import static io.firstpin.attendee.internal.Seats.checkedIn;
import static io.firstpin.attendee.internal.Seats.confirmed;
import static io.firstpin.attendee.internal.Seats.noShows;
import static io.firstpin.platform.db.Tables.ATTENDEE;
import static io.firstpin.platform.db.Tables.ATTENDEE_EVENT;
import static io.firstpin.platform.db.Tables.ATTENDEE_WALK;
import static io.firstpin.platform.db.Tables.COMMUNITY;
import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.MEMBER;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lag;
import static org.jooq.impl.DSL.lead;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.when;

import io.firstpin.attendee.AttendeeRule;
import io.firstpin.platform.BulkWriter;
import io.firstpin.platform.db.tables.Event;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Builds an organization's attendee rows from its whole history, set by set, for bulk writers and the backfill. */
@Component
class AttendeeRebuild {

    private final DSLContext db;
    private final BulkWriter bulk;
    private final Scopes scopes;

    AttendeeRebuild(DSLContext db, BulkWriter bulk, Scopes scopes) {
        this.db = db;
        this.bulk = bulk;
        this.scopes = scopes;
    }

    /** Counts the organization's attendees, seats and walks again from its whole history, set by set. */
    void rebuild(long organizationId) {
        var events = select(EVENT.ID).from(EVENT).where(EVENT.ORGANIZATION_ID.eq(organizationId));
        List<Long> communities = db.select(COMMUNITY.ID).from(COMMUNITY)
                .where(COMMUNITY.ORGANIZATION_ID.eq(organizationId)).fetch(COMMUNITY.ID);
        db.deleteFrom(ATTENDEE_WALK).where(ATTENDEE_WALK.SCOPE_ID.in(communities)).execute();
        db.deleteFrom(ATTENDEE).where(ATTENDEE.EVENT_ID.in(events)).execute();
        db.deleteFrom(ATTENDEE_EVENT).where(ATTENDEE_EVENT.EVENT_ID.in(events)).execute();
        db.insertInto(ATTENDEE_EVENT, ATTENDEE_EVENT.EVENT_ID, ATTENDEE_EVENT.COMMUNITY_ID, ATTENDEE_EVENT.STARTS_AT,
                        ATTENDEE_EVENT.CHECKED_IN, ATTENDEE_EVENT.CONFIRMED, ATTENDEE_EVENT.NO_SHOWS)
                .select(select(EVENT.ID, EVENT.COMMUNITY_ID, EVENT.STARTS_AT, checkedIn(EVENT.ID),
                        confirmed(EVENT.ID), when(checkedIn(EVENT.ID), noShows(EVENT.ID)).otherwise(inline(0)))
                        .from(EVENT).where(EVENT.ORGANIZATION_ID.eq(organizationId)))
                .execute();
        Event e = EVENT.as("e");
        db.insertInto(ATTENDEE, ATTENDEE.EVENT_ID, ATTENDEE.MEMBER_ID, ATTENDEE.COMMUNITY_ID, ATTENDEE.STARTS_AT)
                .select(AttendeeRule.attendees(e, e.ORGANIZATION_ID.eq(organizationId),
                        e.ORGANIZATION_ID.eq(organizationId).andNot(AttendeeRule.anyoneCheckedIn(e)), null))
                .execute();
        Map<Long, Long> parents = scopes.parents(COMMUNITY.ORGANIZATION_ID.eq(organizationId));
        for (long community : communities) {
            walkScope(community, false, List.of(community));
            walkScope(community, true, Scopes.subtree(community, parents));
        }
        bulk.refreshStatistics(ATTENDEE, ATTENDEE_EVENT, ATTENDEE_WALK);
    }

    /** Inserts every non-staff member's walk through the scope of these communities, with window functions. */
    private void walkScope(long scopeId, boolean branches, Collection<Long> communityIds) {
        var order = partitionBy(ATTENDEE.MEMBER_ID).orderBy(ATTENDEE.STARTS_AT, ATTENDEE.EVENT_ID);
        db.insertInto(ATTENDEE_WALK, ATTENDEE_WALK.MEMBER_ID, ATTENDEE_WALK.SCOPE_ID, ATTENDEE_WALK.BRANCHES,
                        ATTENDEE_WALK.EVENT_ID, ATTENDEE_WALK.STARTS_AT, ATTENDEE_WALK.PREVIOUS_EVENT_ID,
                        ATTENDEE_WALK.PREVIOUS_AT, ATTENDEE_WALK.BEFORE_PREVIOUS_AT, ATTENDEE_WALK.NEXT_AT)
                .select(select(ATTENDEE.MEMBER_ID, inline(scopeId), inline(branches), ATTENDEE.EVENT_ID,
                        ATTENDEE.STARTS_AT, lag(ATTENDEE.EVENT_ID).over(order), lag(ATTENDEE.STARTS_AT).over(order),
                        lag(ATTENDEE.STARTS_AT, 2).over(order), lead(ATTENDEE.STARTS_AT).over(order))
                        .from(ATTENDEE)
                        .where(ATTENDEE.COMMUNITY_ID.in(communityIds))
                        .and(ATTENDEE.EVENT_ID.notIn(Walks.subEvents()))
                        .and(ATTENDEE.MEMBER_ID.notIn(select(MEMBER.ID).from(MEMBER).where(MEMBER.STAFF.isTrue()))))
                .execute();
    }
}
