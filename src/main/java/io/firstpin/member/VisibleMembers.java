package io.firstpin.member;

import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.MEMBER_IDENTITY;

import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
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
    private final ObjectProvider<MemberActivityListing> activities;

    VisibleMembers(Members members, MemberSearch search, AccessGuard access,
            ObjectProvider<MemberActivityListing> activities) {
        this.members = members;
        this.search = search;
        this.access = access;
        this.activities = activities;
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

    /**
     * The staff list: the search narrowed by the filter, each member with their activity, paged in one query by the
     * module that counts activity; without that module, the plain search.
     */
    public MemberPage list(long organizationId, String query, ActivityFilter filter, int page, int size) {
        MemberActivityListing listing = activities.getIfAvailable();
        if (listing == null) {
            return search(organizationId, query, page, size);
        }
        int pageSize = Math.max(1, Math.min(MemberSearch.MAX_PAGE_SIZE, size));
        int pageIndex = Math.max(0, page);
        MemberActivityListing.Slice slice = listing.page(organizationId,
                MemberSearch.matches(organizationId, query).and(access.memberVisible(organizationId, MEMBER.ID)), filter,
                pageIndex * pageSize, pageSize);
        Map<Long, MemberActivityListing.Activity> byMember = slice.rows().stream()
                .collect(Collectors.toMap(MemberActivityListing.Activity::memberId, Function.identity()));
        List<Member> found = members.inOrganization(organizationId,
                slice.rows().stream().map(MemberActivityListing.Activity::memberId).toList());
        return new MemberPage(found, pageIndex, pageSize, slice.total(), byMember);
    }

    /** The communities the staff list can be narrowed to; none without the module that counts activity. */
    public List<MemberActivityListing.Scope> listScopes(long organizationId) {
        MemberActivityListing listing = activities.getIfAvailable();
        return listing == null ? List.of() : listing.scopes(organizationId);
    }

    /** The ladder steps the staff list can be narrowed to, lowest first. */
    public List<String> listSteps() {
        MemberActivityListing listing = activities.getIfAvailable();
        return listing == null ? List.of() : listing.steps();
    }

    public List<Member> findByIdentity(long organizationId, String value) {
        return members.findByIdentity(organizationId, value,
                access.memberVisible(organizationId, MEMBER_IDENTITY.MEMBER_ID));
    }
}
