package io.firstpin.attendee;

import io.firstpin.attendee.internal.AttendeeRefresh;
import io.firstpin.attendee.internal.PendingChanges;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The counted attendees. Every write that can change who counts as an attendee of an event, or how a member's
 * attendances follow each other in a scope, says so here. The change is recorded when its transaction commits and
 * applied right after, under locks taken in one order (events, then members), so that concurrent writers on any number
 * of instances leave the rows exact; a reader calls {@link #catchUp} first. Without a transaction the change is applied
 * at once, in a transaction of its own.
 */
@Service
public class Attendees {

    private final PendingChanges pending;
    private final AttendeeRefresh refresh;

    Attendees(PendingChanges pending, AttendeeRefresh refresh) {
        this.pending = pending;
        this.refresh = refresh;
    }

    /** The member's registration or check-in at the event changed. */
    public void attendanceChanged(long eventId, long memberId) {
        pending.record(changes -> changes.attendance(eventId, memberId));
    }

    /** Any number of the event's registrations or check-ins changed, or the event's start or community. */
    public void eventChanged(long eventId) {
        pending.record(changes -> changes.events().add(eventId));
    }

    /** The member became staff or stopped being staff: staff are walked nowhere. */
    public void staffChanged(long memberId) {
        pending.record(changes -> changes.members().add(memberId));
    }

    /** Registrations and check-ins moved between these members (a merge, or its undoing). */
    public void rowsMovedBetween(long memberId, long otherMemberId) {
        pending.record(changes -> changes.movedMembers().addAll(List.of(memberId, otherMemberId)));
    }

    /** The community became a branch of another one, or stopped being one: its events belong to other scopes now. */
    public void communityMoved(long communityId) {
        pending.record(changes -> changes.movedCommunities().add(communityId));
    }

    /**
     * Brings the kept rows up to date for a reader: waits for the changes being applied and applies those still
     * recorded (committed a moment ago, or left by a failed refresh or a restart); in a transaction that changed
     * attendees itself, applies its changes. Call it before reading the rows, holding no connection.
     */
    public void catchUp() {
        pending.catchUp();
    }

    /**
     * Counts the organization's attendees and walks again from its whole history, set by set, for bulk writers: for an
     * organization nobody else writes to meanwhile (being created, or before the application serves requests).
     */
    public void rebuild(long organizationId) {
        refresh.rebuild(organizationId);
    }
}
