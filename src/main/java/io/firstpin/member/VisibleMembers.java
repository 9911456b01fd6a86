package io.firstpin.member;

import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.MEMBER_IDENTITY;

import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The organization's members as the caller may see them: every member for a role in the whole organization, only those
 * known in the caller's communities for a role held in one community (see {@link AccessGuard#requireMember}). Staff
 * pages and the API find members through here.
 */
@Service
public class VisibleMembers {

    private final Members members;
    private final MemberSearch search;
    private final AccessGuard access;

    VisibleMembers(Members members, MemberSearch search, AccessGuard access) {
        this.members = members;
        this.search = search;
        this.access = access;
    }

    /** The member, if the caller holds at least {@code minimum} where the member is known; otherwise 404 or 403. */
    public Member open(long organizationId, long id, Role minimum) {
        Member member = members.inOrganization(organizationId, id);
        access.requireMember(organizationId, id, minimum, "member " + id);
        return member;
    }

    public MemberPage search(long organizationId, String query, int page, int size) {
        return search.search(organizationId, query, page, size, access.memberVisible(organizationId, MEMBER.ID));
    }

    public List<Member> findByIdentity(long organizationId, String value) {
        return members.findByIdentity(organizationId, value,
                access.memberVisible(organizationId, MEMBER_IDENTITY.MEMBER_ID));
    }
}
