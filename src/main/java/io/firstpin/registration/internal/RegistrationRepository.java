package io.firstpin.registration.internal;

import io.firstpin.registration.Registration;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface RegistrationRepository extends ListCrudRepository<Registration, Long> {

    Optional<Registration> findByManageTokenHash(String manageTokenHash);

    Optional<Registration> findByProofTokenHash(String proofTokenHash);

    /** The registration holding the email's one place at the event, if any (a cancelled one may still hold it). */
    Optional<Registration> findByEventIdAndEmailKey(long eventId, String emailKey);

    Optional<Registration> findByOrganizationIdAndId(long organizationId, long id);

    List<Registration> findByEventIdOrderByRegisteredAtAscIdAsc(long eventId);

    List<Registration> findByOrganizationIdAndMemberIdOrderByRegisteredAtAscIdAsc(long organizationId, long memberId);
}
