package io.firstpin.identity.internal;

import io.firstpin.identity.ApiToken;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface ApiTokenRepository extends ListCrudRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByOrganizationIdOrderByCreatedAtDesc(long organizationId);

    Optional<ApiToken> findByOrganizationIdAndId(long organizationId, long id);

    List<ApiToken> findByBootstrapTrueAndRevokedAtIsNull();

    List<ApiToken> findAllByOrderByOrganizationIdDescCreatedAtDesc();
}
