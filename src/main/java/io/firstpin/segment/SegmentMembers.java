package io.firstpin.segment;

import java.time.LocalDate;
import java.util.List;

/**
 * A segment's members as evaluated now, the most active in the window first.
 *
 * @param since the first day of the "last months" window
 */
public record SegmentMembers(MemberSegment segment, String communityName, LocalDate since,
        List<SegmentMember> members) {

    public SegmentMembers {
        members = List.copyOf(members);
    }

    public int count() {
        return members.size();
    }

    public List<SegmentMember> first(int n) {
        return members.subList(0, Math.min(n, members.size()));
    }

    /** Members with an email address, whether or not they opted out. */
    public List<SegmentMember> withEmail() {
        return members.stream().filter(m -> m.email().isPresent()).toList();
    }

    /** Members an email to the segment goes to: with an address, and not opted out. */
    public List<SegmentMember> recipients() {
        return members.stream().filter(m -> !m.optedOut() && m.email().isPresent()).toList();
    }

    /** Members left out of email to the segment because they have no address (and did not opt out). */
    public int withoutEmail() {
        return (int) members.stream().filter(m -> !m.optedOut() && m.email().isEmpty()).count();
    }

    /** Members left out of email to the segment because they unsubscribed. */
    public int optedOut() {
        return (int) members.stream().filter(SegmentMember::optedOut).count();
    }
}
