package io.firstpin.identity;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the caller reaches in one organization: a role, held in the whole organization or in one community and its
 * branches ({@code communityIds}, the granted community first among them).
 */
public record Reach(Role role, Long communityId, Set<Long> communityIds) {

    /** An id no community has. */
    public static final long NO_COMMUNITY = -1L;

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
     * Narrows a set of communities to the reachable ones, for queries where an empty set means "every community": for a
     * whole-organization reach the request stays as it is; for a community reach an empty request becomes the reach, and
     * a request outside it becomes {@link #NO_COMMUNITY}, never the empty set.
     */
    public Set<Long> narrow(Collection<Long> requested) {
        if (wholeOrganization()) {
            return Set.copyOf(requested);
        }
        if (requested.isEmpty()) {
            return communityIds;
        }
        Set<Long> kept = requested.stream().filter(communityIds::contains).collect(Collectors.toUnmodifiableSet());
        return kept.isEmpty() ? Set.of(NO_COMMUNITY) : kept;
    }
}
