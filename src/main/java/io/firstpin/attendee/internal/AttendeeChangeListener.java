package io.firstpin.attendee.internal;

import io.firstpin.attendance.CheckInUndone;
import io.firstpin.attendance.CheckedIn;
import io.firstpin.attendance.PastCheckInsRecorded;
import io.firstpin.community.CommunityReparented;
import io.firstpin.event.EventPlanned;
import io.firstpin.event.EventRescheduled;
import io.firstpin.member.MemberMergeUndone;
import io.firstpin.member.MembersMerged;
import io.firstpin.member.StaffFlagChanged;
import io.firstpin.registration.PastRegistrationsRecorded;
import io.firstpin.registration.RegistrationStatusChanged;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hears every domain event that can change who counts as an attendee, or how a member's attendances follow each other
 * in a scope, in the publisher's own transaction, and records what changed there ({@link PendingChanges}); the writers
 * only say what happened to their own aggregates. The events come from the aggregates themselves where they can (a
 * registration's status, a check-in, an event's start, a staff flag, a community's parent), so no path that saves one
 * can forget.
 */
@Component
class AttendeeChangeListener {

    private final PendingChanges pending;

    AttendeeChangeListener(PendingChanges pending) {
        this.pending = pending;
    }

    @EventListener
    void on(RegistrationStatusChanged changed) {
        pending.record(changes -> changes.attendance(changed.eventId(), changed.memberId()));
    }

    @EventListener
    void on(CheckedIn checkedIn) {
        pending.record(changes -> changes.attendance(checkedIn.eventId(), checkedIn.memberId()));
    }

    @EventListener
    void on(CheckInUndone undone) {
        pending.record(changes -> changes.attendance(undone.eventId(), undone.memberId()));
    }

    @EventListener
    void on(PastRegistrationsRecorded recorded) {
        pending.record(changes -> changes.events().add(recorded.eventId()));
    }

    @EventListener
    void on(PastCheckInsRecorded recorded) {
        pending.record(changes -> changes.events().add(recorded.eventId()));
    }

    /** Every event has its row of seats, with none taken yet. */
    @EventListener
    void on(EventPlanned planned) {
        pending.record(changes -> changes.events().add(planned.eventId()));
    }

    @EventListener
    void on(EventRescheduled rescheduled) {
        pending.record(changes -> changes.events().add(rescheduled.eventId()));
    }

    /** Staff are attendees but walk in no scope. */
    @EventListener
    void on(StaffFlagChanged changed) {
        pending.record(changes -> changes.members().add(changed.memberId()));
    }

    @EventListener
    void on(MembersMerged merged) {
        pending.record(changes -> changes.movedMembers().addAll(List.of(merged.fromId(), merged.intoId())));
    }

    @EventListener
    void on(MemberMergeUndone undone) {
        pending.record(changes -> changes.movedMembers().addAll(List.of(undone.fromId(), undone.intoId())));
    }

    @EventListener
    void on(CommunityReparented reparented) {
        pending.record(changes -> changes.movedCommunities().add(reparented.communityId()));
    }
}
