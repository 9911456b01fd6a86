package io.firstpin.identity;

import static io.firstpin.platform.db.Tables.API_TOKEN;

import io.firstpin.identity.internal.ApiTokenRepository;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, looks up, lists and revokes API tokens. */
@Service
public class ApiTokens {

    /** Last use is written at most this often per token, so that busy integrations do not write on every call. */
    private static final Duration LAST_USE_GRAIN = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final DSLContext db;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, DSLContext db, ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    /** An admin token for the whole organization, until revoked. */
    @Transactional
    public IssuedToken issueForOrganization(long organizationId, String name) {
        return issue(organizationId, TokenTerms.organizationAdmin(name));
    }

    /**
     * The token's secret is in the answer and nowhere else: it cannot be shown again. The caller has checked that the
     * community, if any, is the organization's.
     */
    @Transactional
    public IssuedToken issue(long organizationId, TokenTerms terms) {
        Instant now = clock.instant();
        if (terms.expiresAt() != null && !terms.expiresAt().isAfter(now)) {
            throw InvalidInputException.of("expiresAt", "token.expires.past");
        }
        String secret = TokenSecrets.newSecret();
        ApiToken token = tokens.save(ApiToken.forOrganization(organizationId, terms, secret, now));
        events.publishEvent(new TokenIssued(organizationId, token.id(), token.role(), token.communityId(),
                token.expiresAt() == null ? null : token.expiresAt().toString()));
        return new IssuedToken(token.id(), token.name(), secret);
    }

    /**
     * Makes sure the instance-administrator token FIRSTPIN_BOOTSTRAP_TOKEN stands for exists, and revokes any earlier
     * bootstrap token: changing the setting is how an operator replaces a leaked one.
     */
    @Transactional
    public void ensureInstanceToken(String secret) {
        String hash = TokenSecrets.hash(secret);
        Instant now = clock.instant();
        for (ApiToken earlier : tokens.findByBootstrapTrueAndRevokedAtIsNull()) {
            if (!earlier.hasHash(hash) && earlier.revoke(now)) {
                tokens.save(earlier);
                events.publishEvent(new TokenRevoked(null, earlier.id(), "bootstrap-token-changed"));
            }
        }
        Optional<ApiToken> existing = tokens.findByTokenHash(hash);
        if (existing.filter(ApiToken::active).isEmpty()) {
            // a revoked token with this secret makes room: setting it again is the operator's explicit wish
            existing.ifPresent(tokens::delete);
            ApiToken token = tokens.save(ApiToken.bootstrap(secret, now));
            events.publishEvent(new TokenIssued(null, token.id(), null, null, null));
        }
    }

    /** The token's actor when it exists, is not revoked and has not expired; notes its use. */
    public Optional<Actor.Token> authenticate(String secret) {
        Instant now = clock.instant();
        Optional<ApiToken> token = tokens.findByTokenHash(TokenSecrets.hash(secret)).filter(t -> t.validAt(now));
        token.ifPresent(t -> noteUse(t, now));
        return token.map(ApiToken::asActor);
    }

    private void noteUse(ApiToken token, Instant now) {
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(LAST_USE_GRAIN))) {
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            db.update(API_TOKEN).set(API_TOKEN.LAST_USED_AT, at)
                    .where(API_TOKEN.ID.eq(token.id()))
                    .and(API_TOKEN.LAST_USED_AT.isNull().or(API_TOKEN.LAST_USED_AT.lt(at.minus(LAST_USE_GRAIN))))
                    .execute();
        }
    }

    public List<ApiToken> listForOrganization(long organizationId) {
        return tokens.findByOrganizationIdOrderByCreatedAtDesc(organizationId);
    }

    /** Every token of the instance, instance tokens first; for instance administrators. */
    public List<ApiToken> listAll() {
        return tokens.findAllByOrderByOrganizationIdDescCreatedAtDesc();
    }

    public ApiToken inOrganization(long organizationId, long tokenId) {
        return tokens.findByOrganizationIdAndId(organizationId, tokenId)
                .orElseThrow(() -> NotFoundException.of("token", tokenId));
    }

    @Transactional
    public void revoke(long organizationId, long tokenId) {
        revoke(inOrganization(organizationId, tokenId));
    }

    /** Revokes any token of the instance; the caller has checked that it is an instance administrator. */
    @Transactional
    public void revokeAny(long tokenId) {
        revoke(tokens.findById(tokenId).orElseThrow(() -> NotFoundException.of("token", tokenId)));
    }

    private void revoke(ApiToken token) {
        if (token.revoke(clock.instant())) {
            tokens.save(token);
            events.publishEvent(new TokenRevoked(token.organizationId(), token.id(), "revoked"));
        }
    }

    public record IssuedToken(long id, String name, String token) {
    }
}
