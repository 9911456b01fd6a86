package io.firstpin.identity;

import java.util.Map;
import java.util.Set;

/**
 * Port to the module that knows how communities branch: a grant for a community holds in its branches too, at any
 * depth, as they are when the check is made.
 */
public interface CommunityTree {

    /** The community and all its branches; empty when the community is not the organization's. */
    Set<Long> withBranches(long organizationId, long communityId);

    /** The organization's communities by id with their names, in name order: where a grant or a token may hold. */
    Map<Long, String> names(long organizationId);
}
