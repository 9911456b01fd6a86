package io.firstpin.segment;

import io.firstpin.community.Communities;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Reach;
import io.firstpin.identity.Role;
import io.firstpin.platform.InvalidInputException;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Segments as the caller reaches them: a segment belongs to its community, so a role held in another community finds
 * neither the segment (404) nor its community when choosing one for a new segment (the same answer as for an unknown
 * community). Staff pages and the API find segments through here.
 */
@Service
public class VisibleSegments {

    private final Segments segments;
    private final Communities communities;
    private final AccessGuard access;

    VisibleSegments(Segments segments, Communities communities, AccessGuard access) {
        this.segments = segments;
        this.communities = communities;
        this.access = access;
    }

    /** The organization's segments whose community the caller reaches. */
    public List<MemberSegment> list(long organizationId) {
        Reach reach = access.enter(organizationId, Role.VIEWER, "organization " + organizationId);
        return segments.list(organizationId).stream().filter(s -> reach.covers(s.communityId())).toList();
    }

    /** The segment, if the caller holds at least {@code minimum} in its community; otherwise 404 or 403. */
    public MemberSegment open(long organizationId, long id, Role minimum) {
        MemberSegment segment = segments.get(organizationId, id);
        access.require(organizationId, segment.communityId(), minimum, "segment " + id);
        return segment;
    }

    /**
     * Passes when the caller holds {@code minimum} where the community chosen for a segment is; a community outside the
     * caller's reach is refused like an unknown one. A missing or unknown slug is left to {@link Segments} to report.
     */
    public void requireChoice(long organizationId, String communitySlug, Role minimum) {
        Reach reach = access.enter(organizationId, minimum, "organization " + organizationId);
        if (reach.wholeOrganization() || communitySlug == null || communitySlug.isBlank()) {
            return;
        }
        communities.findBySlug(communitySlug.strip())
                .filter(c -> c.organizationId() != organizationId || reach.covers(c.id()))
                .orElseThrow(() -> InvalidInputException.of("community", "validation.segment.community"));
    }
}
