package io.firstpin.identity;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the caller reaches in one organization: a role, held in the whole organization or in one community and its
 * branches ({@code communityIds}, the granted community first among them).
 */
public record Reach(Role role, Long communityId, Set<Long> communityIds) {

    public Reach {
        communityIds = communityIds == null ? Set.of() : Set.copyOf(communityIds);
    }

    static Reach wholeOrganization(Role role) {
        return new Reach(role, null, Set.of());
    }

    public boolean wholeOrganization() {
        return communityId == null;
    }

    public boolean covers(long community) {
        return wholeOrganization() || communityIds.contains(community);
    }

    /**
     * Narrows a set of communities to the reachable ones; for a whole-organization reach an empty set keeps meaning
     * "every community", for a community reach it becomes the reach itself.
     */
    public Set<Long> narrow(Collection<Long> requested) {
        if (wholeOrganization()) {
            return Set.copyOf(requested);
        }
        if (requested.isEmpty()) {
            return communityIds;
        }
        return requested.stream().filter(communityIds::contains).collect(Collectors.toUnmodifiableSet());
    }
}
