package io.firstpin.identity;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An API token. Only its SHA-256 is kept; the hint (its first characters) helps people tell tokens apart. An
 * organization token holds a role in the whole organization or in one community and its branches, until it expires or
 * is revoked.
 */
@Table("api_token")
public class ApiToken {

    @Id
    private Long id;
    private final Long organizationId;
    private final String name;
    private final String tokenHash;
    private final String tokenHint;
    private final TokenScope scope;
    private final Role role;
    private final Long communityId;
    private final Instant createdAt;
    private final Instant expiresAt;
    private Instant revokedAt;
    private final Instant lastUsedAt;
    private final boolean bootstrap;

    @PersistenceCreator
    ApiToken(Long id, Long organizationId, String name, String tokenHash, String tokenHint, TokenScope scope, Role role,
            Long communityId, Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt,
            boolean bootstrap) {
        this.id = id;
        this.organizationId = organizationId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.tokenHint = tokenHint;
        this.scope = scope;
        this.role = role;
        this.communityId = communityId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.revokedAt = revokedAt;
        this.lastUsedAt = lastUsedAt;
        this.bootstrap = bootstrap;
    }

    static ApiToken forOrganization(long organizationId, TokenTerms terms, String secret, Instant now) {
        return new ApiToken(null, organizationId, terms.name(), TokenSecrets.hash(secret), TokenSecrets.hint(secret),
                TokenScope.ORGANIZATION_ADMIN, terms.role(), terms.communityId(), now, terms.expiresAt(), null, null,
                false);
    }

    /** The token FIRSTPIN_BOOTSTRAP_TOKEN stands for. */
    static ApiToken bootstrap(String secret, Instant now) {
        return new ApiToken(null, null, "bootstrap", TokenSecrets.hash(secret), TokenSecrets.hint(secret),
                TokenScope.INSTANCE_ADMIN, null, null, now, null, null, null, true);
    }

    /** Answers whether this call revoked it (false when it already was). */
    boolean revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            return true;
        }
        return false;
    }

    /** Not revoked; it may still have expired. */
    public boolean active() {
        return revokedAt == null;
    }

    public boolean validAt(Instant now) {
        return active() && (expiresAt == null || now.isBefore(expiresAt));
    }

    boolean hasHash(String hash) {
        return tokenHash.equals(hash);
    }

    Actor.Token asActor() {
        return new Actor.Token(id, organizationId, scope, role, communityId);
    }

    public Long id() {
        return id;
    }

    public Long organizationId() {
        return organizationId;
    }

    public String name() {
        return name;
    }

    public String tokenHint() {
        return tokenHint;
    }

    public TokenScope scope() {
        return scope;
    }

    /** The role in its organization; null for an instance token. */
    public Role role() {
        return role;
    }

    public boolean readOnly() {
        return scope != TokenScope.INSTANCE_ADMIN && role == Role.VIEWER;
    }

    /** The community it is limited to (with its branches); null for the whole organization. */
    public Long communityId() {
        return communityId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public boolean bootstrap() {
        return bootstrap;
    }
}
