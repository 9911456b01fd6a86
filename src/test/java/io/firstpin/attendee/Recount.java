package io.firstpin.attendee;

import static io.firstpin.platform.db.Tables.ATTENDEE;
import static io.firstpin.platform.db.Tables.ATTENDEE_EVENT;
import static io.firstpin.platform.db.Tables.ATTENDEE_WALK;
import static io.firstpin.platform.db.Tables.COMMUNITY;
import static io.firstpin.platform.db.Tables.EVENT;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one oracle for the kept attendee rows: counting them again from the organization's whole history. The rows are
 * compared as text, in one order, as a reader sees them after catching up.
 */
final class Recount {

    private final DSLContext db;
    private final Attendees attendees;
    private final PlatformTransactionManager transactions;

    Recount(DSLContext db, Attendees attendees, PlatformTransactionManager transactions) {
        this.db = db;
        this.attendees = attendees;
        this.transactions = transactions;
    }

    /** The organization's kept rows as a reader sees them, then rebuilt from its history. */
    Comparison of(long organizationId) {
        List<String> kept = rows(organizationId);
        new TransactionTemplate(transactions).executeWithoutResult(s -> attendees.rebuild(organizationId));
        return new Comparison(kept, rows(organizationId));
    }

    /** Every kept row of the organization, as text, in one order, as a reader sees them. */
    List<String> rows(long organizationId) {
        attendees.catchUp();
        var ours = EVENT.ORGANIZATION_ID.eq(organizationId);
        List<String> rows = new ArrayList<>();
        db.select(ATTENDEE.EVENT_ID, ATTENDEE.MEMBER_ID, ATTENDEE.COMMUNITY_ID, ATTENDEE.STARTS_AT)
                .from(ATTENDEE).join(EVENT).on(EVENT.ID.eq(ATTENDEE.EVENT_ID)).where(ours)
                .orderBy(ATTENDEE.EVENT_ID, ATTENDEE.MEMBER_ID)
                .forEach(r -> rows.add("attendee " + r.formatCSV(false)));
        db.select(ATTENDEE_EVENT.fields()).from(ATTENDEE_EVENT).join(EVENT).on(EVENT.ID.eq(ATTENDEE_EVENT.EVENT_ID))
                .where(ours).orderBy(ATTENDEE_EVENT.EVENT_ID)
                .forEach(r -> rows.add("event " + r.formatCSV(false)));
        db.select(ATTENDEE_WALK.fields()).from(ATTENDEE_WALK).join(COMMUNITY)
                .on(COMMUNITY.ID.eq(ATTENDEE_WALK.SCOPE_ID))
                .where(COMMUNITY.ORGANIZATION_ID.eq(organizationId))
                .orderBy(ATTENDEE_WALK.MEMBER_ID, ATTENDEE_WALK.SCOPE_ID, ATTENDEE_WALK.BRANCHES,
                        ATTENDEE_WALK.STARTS_AT, ATTENDEE_WALK.EVENT_ID)
                .forEach(r -> rows.add("walk " + r.formatCSV(false)));
        return rows;
    }

    /** The kept rows and the recount's, with the rows only one of them has. */
    record Comparison(List<String> kept, List<String> recounted) {

        boolean agrees() {
            return kept.equals(recounted);
        }

        List<String> onlyKept() {
            return kept.stream().filter(row -> !recounted.contains(row)).toList();
        }

        List<String> onlyRecounted() {
            return recounted.stream().filter(row -> !kept.contains(row)).toList();
        }

        @Override
        public String toString() {
            return "kept but not recounted: " + onlyKept() + "; recounted but not kept: " + onlyRecounted();
        }
    }
}
