package io.firstpin.identity.internal;

import io.firstpin.identity.Invitation;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface InvitationRepository extends ListCrudRepository<Invitation, Long> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    Optional<Invitation> findByOrganizationIdAndId(long organizationId, long id);

    List<Invitation> findByOrganizationIdAndEmail(long organizationId, String email);

    List<Invitation> findByOrganizationIdOrderByCreatedAtDesc(long organizationId);
}
