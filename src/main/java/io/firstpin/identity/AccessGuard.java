package io.firstpin.identity;

import io.firstpin.identity.internal.StaffAccountRepository;
import io.firstpin.platform.ForbiddenException;
import io.firstpin.platform.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Decides what the caller may do in an organization, and where in it. Callers without any role there get a 404, as if
 * the resource did not exist, so that organizations never learn about each other; callers with too small a role get a
 * 403. A role may hold in one community and its branches only: then anything of another community of the organization
 * answers 404 too, and actions on the organization as a whole answer 403.
 *
 * <p>The checks come in three strengths: {@code require...(organizationId, ...)} needs the whole organization;
 * {@code require...(organizationId, communityId, ...)} needs that community; {@link #enter} needs a role anywhere in
 * the organization, for pages and lists that then narrow what they show with {@link #reachIn}, {@link #requireMember}
 * or {@link #memberVisible}.
 */
@Service
public class AccessGuard {

    private final StaffAccountRepository accounts;
    private final ObjectProvider<CommunityTree> tree;
    private final ObjectProvider<CommunityParticipants> participants;
    private final DSLContext db;

    AccessGuard(StaffAccountRepository accounts, ObjectProvider<CommunityTree> tree,
            ObjectProvider<CommunityParticipants> participants, DSLContext db) {
        this.accounts = accounts;
        this.tree = tree;
        this.participants = participants;
        this.db = db;
    }

    public Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ActorPrincipal principal) {
            return principal.actor();
        }
        return new Actor.Anonymous();
    }

    /** The caller's role in the organization, wherever in it the role holds. */
    public Optional<Role> roleIn(long organizationId) {
        return grantIn(organizationId).map(OrganizationRoleGrant::role);
    }

    /** The caller's role in the organization and the communities it holds in. */
    public Optional<Reach> reachIn(long organizationId) {
        return grantIn(organizationId).map(grant -> grant.wholeOrganization()
                ? Reach.wholeOrganization(grant.role())
                : new Reach(grant.role(), grant.communityId(), communityWithBranches(organizationId, grant.communityId())));
    }

    private Set<Long> communityWithBranches(long organizationId, long communityId) {
        CommunityTree communities = tree.getIfAvailable();
        return communities == null ? Set.of(communityId) : communities.withBranches(organizationId, communityId);
    }

    private Optional<OrganizationRoleGrant> grantIn(long organizationId) {
        Actor actor = current();
        if (actor.instanceAdmin()) {
            return Optional.of(new OrganizationRoleGrant(organizationId, Role.ORGANIZATION_ADMIN));
        }
        if (actor instanceof Actor.Staff staff) {
            return accounts.findById(staff.accountId()).flatMap(a -> a.grantIn(organizationId));
        }
        if (actor instanceof Actor.Token token && token.organizationId() != null
                && token.organizationId() == organizationId) {
            return Optional.of(new OrganizationRoleGrant(organizationId, token.role(), token.communityId()));
        }
        return Optional.empty();
    }

    /** The organizations the caller belongs to, with its role in each; instance admins are not listed here. */
    public Map<Long, Role> memberships() {
        Actor actor = current();
        if (actor instanceof Actor.Staff staff) {
            return accounts.findById(staff.accountId())
                    .map(a -> a.roles().stream().collect(Collectors.toMap(OrganizationRoleGrant::organizationId,
                            OrganizationRoleGrant::role)))
                    .orElse(Map.of());
        }
        if (actor instanceof Actor.Token token && token.organizationId() != null) {
            return Map.of(token.organizationId(), token.role());
        }
        return Map.of();
    }

    public boolean isInstanceAdmin() {
        return current().instanceAdmin();
    }

    public void requireInstanceAdmin() {
        if (!isInstanceAdmin()) {
            throw new ForbiddenException("Only an instance administrator may do this.");
        }
    }

    /**
     * Passes when the caller holds at least {@code minimum} in the whole organization; a role limited to a community is
     * refused with a 403.
     *
     * @param resource what is being reached, for the 404 message, e.g. {@code "community tokyo"}
     */
    public Role require(long organizationId, Role minimum, String resource) {
        Reach reach = enter(organizationId, minimum, resource);
        if (!reach.wholeOrganization()) {
            throw new ForbiddenException("Your role holds in one community only; this needs the whole organization.");
        }
        return reach.role();
    }

    public Role requireReader(long organizationId, String resource) {
        return require(organizationId, Role.VIEWER, resource);
    }

    public Role requireLeader(long organizationId, String resource) {
        return require(organizationId, Role.COMMUNITY_LEADER, resource);
    }

    public Role requireAdmin(long organizationId, String resource) {
        return require(organizationId, Role.ORGANIZATION_ADMIN, resource);
    }

    /** Passes when the caller holds at least {@code minimum} somewhere in the organization. */
    public Reach enter(long organizationId, Role minimum, String resource) {
        Reach reach = reachIn(organizationId).orElseThrow(() -> new NotFoundException(resource + " was not found"));
        requireRole(reach.role(), minimum);
        return reach;
    }

    /**
     * Passes when the caller holds at least {@code minimum} in this community of the organization; a community outside
     * the caller's reach is not found.
     */
    public Role require(long organizationId, long communityId, Role minimum, String resource) {
        Reach reach = reachIn(organizationId).filter(r -> r.covers(communityId))
                .orElseThrow(() -> new NotFoundException(resource + " was not found"));
        requireRole(reach.role(), minimum);
        return reach.role();
    }

    public Role requireReader(long organizationId, long communityId, String resource) {
        return require(organizationId, communityId, Role.VIEWER, resource);
    }

    public Role requireLeader(long organizationId, long communityId, String resource) {
        return require(organizationId, communityId, Role.COMMUNITY_LEADER, resource);
    }

    public Role requireAdmin(long organizationId, long communityId, String resource) {
        return require(organizationId, communityId, Role.ORGANIZATION_ADMIN, resource);
    }

    /**
     * Passes when the caller holds at least {@code minimum} where the member is known: anywhere for a role in the whole
     * organization, otherwise only for a member who took part in one of the caller's communities
     * ({@link CommunityParticipants}). The caller has checked that the member is the organization's.
     */
    public Role requireMember(long organizationId, long memberId, Role minimum, String resource) {
        Reach reach = reachIn(organizationId).orElseThrow(() -> new NotFoundException(resource + " was not found"));
        if (!reach.wholeOrganization()
                && !db.fetchExists(DSL.selectOne().where(visible(organizationId, reach, DSL.val(memberId))))) {
            throw new NotFoundException(resource + " was not found");
        }
        requireRole(reach.role(), minimum);
        return reach.role();
    }

    /** A condition that keeps the members the caller may see, for lists of an organization's members. */
    public Condition memberVisible(long organizationId, Field<Long> memberId) {
        return reachIn(organizationId).map(reach -> visible(organizationId, reach, memberId)).orElse(DSL.falseCondition());
    }

    private Condition visible(long organizationId, Reach reach, Field<Long> memberId) {
        if (reach.wholeOrganization()) {
            return DSL.trueCondition();
        }
        List<Condition> known = participants.orderedStream()
                .map(p -> memberId.in(p.memberIds(organizationId, reach.communityIds())))
                .toList();
        return known.isEmpty() ? DSL.falseCondition() : DSL.or(known);
    }

    private static void requireRole(Role role, Role minimum) {
        if (!role.includes(minimum)) {
            throw new ForbiddenException("Your role (" + role + ") does not allow this; " + minimum + " is needed.");
        }
    }
}
