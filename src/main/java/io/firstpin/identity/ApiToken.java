package io.firstpin.identity;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/** An API token. Only its SHA-256 is kept; the hint (its first characters) helps people tell tokens apart. */
@Table("api_token")
public class ApiToken {

    @Id
    private Long id;
    private final Long organizationId;
    private final String name;
    private final String tokenHash;
    private final String tokenHint;
    private final TokenScope scope;
    private final Instant createdAt;
    private Instant revokedAt;

    @PersistenceCreator
    ApiToken(Long id, Long organizationId, String name, String tokenHash, String tokenHint, TokenScope scope,
            Instant createdAt, Instant revokedAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.tokenHint = tokenHint;
        this.scope = scope;
        this.createdAt = createdAt;
        this.revokedAt = revokedAt;
    }

    static ApiToken forOrganization(long organizationId, String name, String secret, Instant now) {
        return new ApiToken(null, organizationId, name, TokenSecrets.hash(secret), TokenSecrets.hint(secret),
                TokenScope.ORGANIZATION_ADMIN, now, null);
    }

    static ApiToken forInstance(String name, String secret, Instant now) {
        return new ApiToken(null, null, name, TokenSecrets.hash(secret), TokenSecrets.hint(secret),
                TokenScope.INSTANCE_ADMIN, now, null);
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean active() {
        return revokedAt == null;
    }

    Actor.Token asActor() {
        return new Actor.Token(id, organizationId, scope);
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

    public Instant createdAt() {
        return createdAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
