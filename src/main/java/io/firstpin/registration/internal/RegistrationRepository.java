package io.firstpin.registration.internal;

import io.firstpin.registration.Registration;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface RegistrationRepository extends ListCrudRepository<Registration, Long> {


    Optional<Registration> findByManageTokenHash(String manageTokenHash);

    Optional<Registration> findByProofTokenHash(String proofTokenHash);

    Optional<Registration> findByOrganizationIdAndId(long organizationId, long id);

    List<Registration> findByEventIdOrderByRegisteredAtAscIdAsc(long eventId);

    List<Registration> findByOrganizationIdAndMemberIdOrderByRegisteredAtAscIdAsc(long organizationId, long memberId);
}
