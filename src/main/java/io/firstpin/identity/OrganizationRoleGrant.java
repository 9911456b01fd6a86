package io.firstpin.identity;

import org.springframework.data.relational.core.mapping.Table;

/** That an account holds a role in an organization; part of the {@link StaffAccount} aggregate. */
@Table("organization_role")
public record OrganizationRoleGrant(long organizationId, Role role) {
}
