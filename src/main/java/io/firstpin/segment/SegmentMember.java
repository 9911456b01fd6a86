package io.firstpin.segment;

import io.firstpin.insight.Quadrant;
import io.firstpin.member.IdentityKind;
import io.firstpin.member.Member;
import io.firstpin.member.MemberIdentity;
import java.util.List;
import java.util.Optional;

/**
 * A member in a segment, with what put them there.
 *
 * @param quadrant null when their reach is unknown
 * @param optedOut the member unsubscribed from email to the organization's segments: they are still in the segment,
 *        but no email to it reaches them
 */
public record SegmentMember(Member member, int eventsSince, int eventsEver, int outputs, int talks,
        Quadrant quadrant, boolean optedOut) {

    public long id() {
        return member.id();
    }

    public String displayName() {
        return member.displayName();
    }

    public boolean staff() {
        return member.staff();
    }

    /** The address an email to the segment goes to: the member's first email identity. */
    public Optional<String> email() {
        return emails().stream().findFirst();
    }

    public List<String> emails() {
        return member.identities().stream().filter(i -> i.kind() == IdentityKind.EMAIL).map(MemberIdentity::value)
                .toList();
    }
}
