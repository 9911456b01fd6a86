package io.firstpin.identity;

import io.firstpin.identity.internal.StaffAccountRepository;
import io.firstpin.platform.ForbiddenException;
import io.firstpin.platform.NotFoundException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Decides what the caller may do in an organization. Callers without any role there get a 404, as if the resource did
 * not exist, so that organizations never learn about each other; callers with too small a role get a 403.
 */
@Service
public class AccessGuard {

    private final StaffAccountRepository accounts;

    AccessGuard(StaffAccountRepository accounts) {
        this.accounts = accounts;
    }

    public Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ActorPrincipal principal) {
            return principal.actor();
        }
        return new Actor.Anonymous();
    }

    public Optional<Role> roleIn(long organizationId) {
        Actor actor = current();
        if (actor.instanceAdmin()) {
            return Optional.of(Role.ORGANIZATION_ADMIN);
        }
        if (actor instanceof Actor.Staff staff) {
            return accounts.findById(staff.accountId()).flatMap(a -> a.roleIn(organizationId));
        }
        if (actor instanceof Actor.Token token && token.organizationId() != null
                && token.organizationId() == organizationId) {
            return Optional.of(Role.ORGANIZATION_ADMIN);
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
            return Map.of(token.organizationId(), Role.ORGANIZATION_ADMIN);
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
     * Passes when the caller holds at least {@code minimum} in the organization.
     *
     * @param resource what is being reached, for the 404 message, e.g. {@code "community tokyo"}
     */
    public Role require(long organizationId, Role minimum, String resource) {
        Role role = roleIn(organizationId).orElseThrow(() -> new NotFoundException(resource + " was not found"));
        if (!role.includes(minimum)) {
            throw new ForbiddenException("Your role (" + role + ") does not allow this; " + minimum + " is needed.");
        }
        return role;
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
}
