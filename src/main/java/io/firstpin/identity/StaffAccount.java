package io.firstpin.identity;

import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A person who works in Firstpin's staff pages: signs in with email and password, holds roles per organization. */
@Table("staff_account")
public class StaffAccount {

    @Id
    private Long id;
    private final String email;
    private String displayName;
    private String passwordHash;
    private final boolean instanceAdmin;
    private final Instant createdAt;
    @MappedCollection(idColumn = "account_id")
    private final Set<OrganizationRoleGrant> roles;

    @PersistenceCreator
    StaffAccount(Long id, String email, String displayName, String passwordHash, boolean instanceAdmin,
            Instant createdAt, Set<OrganizationRoleGrant> roles) {
        this.id = id;
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.instanceAdmin = instanceAdmin;
        this.createdAt = createdAt;
        this.roles = new HashSet<>(roles == null ? Set.of() : roles);
    }

    static StaffAccount open(String email, String displayName, String passwordHash, boolean instanceAdmin, Instant now) {
        return new StaffAccount(null, normalizeEmail(email), displayName.strip(), passwordHash, instanceAdmin, now, Set.of());
    }

    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Gives the account this role in the organization, replacing any role it had there. */
    void grant(long organizationId, Role role) {
        grant(organizationId, role, null);
    }

    /** Gives the account this role in one community of the organization (null: all of it), replacing any role there. */
    void grant(long organizationId, Role role, Long communityId) {
        roles.removeIf(grant -> grant.organizationId() == organizationId);
        roles.add(new OrganizationRoleGrant(organizationId, role, communityId));
    }

    void revoke(long organizationId) {
        roles.removeIf(grant -> grant.organizationId() == organizationId);
    }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    public Optional<Role> roleIn(long organizationId) {
        return roles.stream().filter(g -> g.organizationId() == organizationId).map(OrganizationRoleGrant::role).findFirst();
    }

    public Optional<OrganizationRoleGrant> grantIn(long organizationId) {
        return roles.stream().filter(g -> g.organizationId() == organizationId).findFirst();
    }

    public Long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean instanceAdmin() {
        return instanceAdmin;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Set<OrganizationRoleGrant> roles() {
        return Set.copyOf(roles);
    }
}
