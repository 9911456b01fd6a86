package io.firstpin.community.internal;

import io.firstpin.community.Communities;
import io.firstpin.identity.CommunityTree;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Answers the identity module which communities a grant for one community holds in (it and its branches), and which
 * communities there are to choose from.
 */
@Component
class CommunityBranches implements CommunityTree {

    private final CommunityRepository communities;
    private final Communities service;

    CommunityBranches(CommunityRepository communities, Communities service) {
        this.communities = communities;
        this.service = service;
    }

    @Override
    public Set<Long> withBranches(long organizationId, long communityId) {
        return communities.findByOrganizationIdAndId(organizationId, communityId)
                .map(service::withBranches)
                .orElse(Set.of());
    }

    @Override
    public Map<Long, String> names(long organizationId) {
        Map<Long, String> names = new LinkedHashMap<>();
        communities.findByOrganizationIdOrderByName(organizationId).forEach(c -> names.put(c.id(), c.name()));
        return names;
    }
}
