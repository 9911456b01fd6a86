package io.firstpin.identity;

import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * That an account holds a role in an organization, in all of it ({@code communityId} null) or in one community and its
 * branches; part of the {@link StaffAccount} aggregate.
 */
@Table("organization_role")
public record OrganizationRoleGrant(long organizationId, Role role, Long communityId) {

    @PersistenceCreator
    public OrganizationRoleGrant {
    }

    public OrganizationRoleGrant(long organizationId, Role role) {
        this(organizationId, role, null);
    }

    public boolean wholeOrganization() {
        return communityId == null;
    }
}
