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

    /** Members an email can reach. */
    public List<SegmentMember> withEmail() {
        return members.stream().filter(m -> m.email().isPresent()).toList();
    }

    public int withoutEmail() {
        return count() - withEmail().size();
    }
}
