package io.firstpin.attendee;

import io.firstpin.attendee.internal.AttendeeRefresh;
import io.firstpin.attendee.internal.PendingChanges;
import io.firstpin.platform.replica.ReplicaReads;
import org.springframework.stereotype.Service;

/**
 * The counted attendees, for readers. Writers never call this: the module hears their domain events inside their
 * transactions, records each change when the transaction commits and applies it right after, under locks taken in one
 * order (events, then members), so that concurrent writers on any number of instances leave the rows exact; a reader
 * calls {@link #catchUp} first.
 */
@Service
public class Attendees {

    private final PendingChanges pending;
    private final AttendeeRefresh refresh;
    private final ReplicaReads replicaReads;

    Attendees(PendingChanges pending, AttendeeRefresh refresh, ReplicaReads replicaReads) {
        this.pending = pending;
        this.replicaReads = replicaReads;
        this.refresh = refresh;
    }

    /**
     * Brings the kept rows up to date for a reader: waits for the changes being applied and applies those still
     * recorded (committed a moment ago, or left by a failed refresh or a restart); in a transaction that changed
     * attendees itself, applies its changes. Call it before reading the rows, holding no connection: with a read replica,
     * the reads that follow on this thread wait for the replica to replay these writes (or go to the primary).
     */
    public void catchUp() {
        pending.catchUp();
        replicaReads.afterPrimaryWrites();
    }

    /**
     * Counts the organization's attendees and walks again from its whole history, set by set, for bulk writers: for an
     * organization nobody else writes to meanwhile (being created, or before the application serves requests).
     */
    public void rebuild(long organizationId) {
        refresh.rebuild(organizationId);
    }
}
