package io.firstpin.identity;

import java.time.Duration;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An organization's invitation of an email to a role. The emailed link's secret is kept only as its hash; the
 * invitation can be used once, within {@link #VALID_FOR}, unless it was withdrawn. Accepting it is the only way a role
 * reaches an account that someone else asked for.
 */
@Table("staff_invitation")
public class Invitation {

    public static final Duration VALID_FOR = Duration.ofHours(72);

    @Id
    private Long id;
    private final long organizationId;
    private final String organizationName;
    private final String email;
    private final Role role;
    private final String tokenHash;
    private final Long invitedBy;
    private final Instant createdAt;
    private final Instant expiresAt;
    private Instant acceptedAt;
    private Long acceptedBy;
    private Instant withdrawnAt;

    @PersistenceCreator
    Invitation(Long id, long organizationId, String organizationName, String email, Role role, String tokenHash,
            Long invitedBy, Instant createdAt, Instant expiresAt, Instant acceptedAt, Long acceptedBy,
            Instant withdrawnAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.organizationName = organizationName;
        this.email = email;
        this.role = role;
        this.tokenHash = tokenHash;
        this.invitedBy = invitedBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.acceptedAt = acceptedAt;
        this.acceptedBy = acceptedBy;
        this.withdrawnAt = withdrawnAt;
    }

    static Invitation of(long organizationId, String organizationName, String email, Role role, String tokenHash,
            Long invitedBy, Instant now) {
        return new Invitation(null, organizationId, organizationName, StaffAccount.normalizeEmail(email), role,
                tokenHash, invitedBy, now, now.plus(VALID_FOR), null, null, null);
    }

    /** Open: neither accepted, withdrawn nor expired. */
    public boolean pending(Instant now) {
        return acceptedAt == null && withdrawnAt == null && now.isBefore(expiresAt);
    }

    void acceptBy(long accountId, Instant now) {
        if (!pending(now)) {
            throw new IllegalStateException("invitation " + id + " is no longer open");
        }
        acceptedAt = now;
        acceptedBy = accountId;
    }

    void withdraw(Instant now) {
        if (acceptedAt == null && withdrawnAt == null) {
            withdrawnAt = now;
        }
    }

    public Long id() {
        return id;
    }

    public long organizationId() {
        return organizationId;
    }

    public String organizationName() {
        return organizationName;
    }

    public String email() {
        return email;
    }

    public Role role() {
        return role;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
