package io.firstpin.identity.internal;

import io.firstpin.identity.StaffAccount;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface StaffAccountRepository extends ListCrudRepository<StaffAccount, Long> {

    Optional<StaffAccount> findByEmail(String email);

    boolean existsByEmail(String email);
}
