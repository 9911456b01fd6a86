package io.firstpin.insight;

import java.util.List;

/** Who might lead the community next, ranked by love: members, and staff apart. */
public record LeaderCandidates(List<LeaderCandidate> members, List<LeaderCandidate> staff) {

    public LeaderCandidates {
        members = List.copyOf(members);
        staff = List.copyOf(staff);
    }
}
