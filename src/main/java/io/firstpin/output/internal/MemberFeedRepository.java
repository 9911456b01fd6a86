package io.firstpin.output.internal;

import io.firstpin.output.MemberFeed;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface MemberFeedRepository extends ListCrudRepository<MemberFeed, Long> {

    Optional<MemberFeed> findByOrganizationIdAndNormalizedUrl(long organizationId, String normalizedUrl);

    List<MemberFeed> findByOrganizationIdOrderById(long organizationId);

    List<MemberFeed> findByMemberIdOrderById(long memberId);
}
