package io.firstpin.member.internal;

import io.firstpin.member.Member;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface MemberRepository extends ListCrudRepository<Member, Long> {

    Optional<Member> findByOrganizationIdAndId(long organizationId, long id);
}
