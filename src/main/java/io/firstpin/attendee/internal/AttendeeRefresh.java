package io.firstpin.attendee.internal;

import static io.firstpin.platform.db.Tables.ATTENDEE_CHANGE;

import io.firstpin.attendee.AttendeeRule;
import io.firstpin.platform.BulkWriter;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Brings the attendee rows up to date after a transaction's changes, and builds them from a whole history, by the
 * {@link AttendeeRule}. Staff are attendees, but walk in no scope, as the KPIs leave them out.
 */
@Component
public class AttendeeRefresh {

    private final DSLContext db;
    private final BulkWriter bulk;
    private final EventRecount events;
    private final MemberWalks walks;
    private final AttendeeRebuild rebuild;

    AttendeeRefresh(DSLContext db, BulkWriter bulk, EventRecount events, MemberWalks walks, AttendeeRebuild rebuild) {
        this.db = db;
        this.bulk = bulk;
        this.events = events;
        this.walks = walks;
        this.rebuild = rebuild;
    }

    /**
     * Applies the changes: the changed events are locked in id order and recounted, then every member whose
     * attendances changed (or who moved, or whose staff flag did) is locked in id order and walked again. Every
     * statement after a lock reads what the transactions before it committed, so none of their work is undone.
     */
    void apply(Changes changes) {
        walks.walk(events.recount(changes));
    }

    /** Applies every change still recorded in {@code attendee_change}, and removes them. */
    void applyRecorded() {
        Changes changes = new Changes();
        List<Long> ids = new ArrayList<>();
        db.select(ATTENDEE_CHANGE.ID, ATTENDEE_CHANGE.KIND, ATTENDEE_CHANGE.SUBJECT_ID, ATTENDEE_CHANGE.MEMBER_ID)
                .from(ATTENDEE_CHANGE)
                .orderBy(ATTENDEE_CHANGE.ID)
                .forEach(r -> {
                    ids.add(r.value1());
                    changes.add(r.value2(), r.value3(), r.value4());
                });
        if (ids.isEmpty()) {
            return;
        }
        apply(changes);
        for (List<Long> chunk : Rows.chunks(ids)) {
            db.deleteFrom(ATTENDEE_CHANGE).where(ATTENDEE_CHANGE.ID.in(chunk)).execute();
        }
    }

    /** Records the changes, to be applied once their transaction has committed. */
    void record(Changes changes) {
        bulk.insert(ATTENDEE_CHANGE, List.of(ATTENDEE_CHANGE.KIND, ATTENDEE_CHANGE.SUBJECT_ID,
                ATTENDEE_CHANGE.MEMBER_ID), changes.rows());
    }

    /** Counts the organization's attendees, seats and walks again from its whole history, set by set. */
    public void rebuild(long organizationId) {
        rebuild.rebuild(organizationId);
    }
}
