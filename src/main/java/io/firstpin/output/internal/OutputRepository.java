package io.firstpin.output.internal;

import io.firstpin.output.Output;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface OutputRepository extends ListCrudRepository<Output, Long> {

    Optional<Output> findByOrganizationIdAndNormalizedUrl(long organizationId, String normalizedUrl);

    Optional<Output> findByOrganizationIdAndId(long organizationId, long id);

    List<Output> findByOrganizationIdAndAuthorMemberIdOrderById(long organizationId, long authorMemberId);
}
