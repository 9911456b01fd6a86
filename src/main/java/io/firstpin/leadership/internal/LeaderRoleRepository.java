package io.firstpin.leadership.internal;

import io.firstpin.leadership.LeaderRole;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface LeaderRoleRepository extends ListCrudRepository<LeaderRole, Long> {

    List<LeaderRole> findByCommunityIdOrderByStartedOnDescIdDesc(long communityId);

    List<LeaderRole> findByCommunityIdAndMemberId(long communityId, long memberId);

    Optional<LeaderRole> findByOrganizationIdAndCommunityIdAndId(long organizationId, long communityId, long id);
}
