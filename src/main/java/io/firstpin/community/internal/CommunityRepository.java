package io.firstpin.community.internal;

import io.firstpin.community.Community;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface CommunityRepository extends ListCrudRepository<Community, Long> {

    Optional<Community> findBySlug(String slug);

    boolean existsBySlug(String slug);

    List<Community> findByOrganizationIdOrderByName(long organizationId);

    List<Community> findByParentIdIsNullOrderByName();

    Optional<Community> findByOrganizationIdAndId(long organizationId, long id);
}
