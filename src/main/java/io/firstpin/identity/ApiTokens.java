package io.firstpin.identity;

import io.firstpin.identity.internal.ApiTokenRepository;
import io.firstpin.platform.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, looks up and revokes API tokens. */
@Service
public class ApiTokens {

    private final ApiTokenRepository tokens;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The token's secret is in the answer and nowhere else: it cannot be shown again. */
    @Transactional
    public IssuedToken issueForOrganization(long organizationId, String name) {
        String secret = TokenSecrets.newSecret();
        ApiToken token = tokens.save(ApiToken.forOrganization(organizationId, name, secret, clock.instant()));
        return new IssuedToken(token.id(), name, secret);
    }

    /** Makes sure an instance-administrator token with exactly this secret exists (FIRSTPIN_BOOTSTRAP_TOKEN). */
    @Transactional
    public void ensureInstanceToken(String secret) {
        if (tokens.findByTokenHash(TokenSecrets.hash(secret)).filter(ApiToken::active).isEmpty()) {
            tokens.findByTokenHash(TokenSecrets.hash(secret)).ifPresent(tokens::delete);
            tokens.save(ApiToken.forInstance("bootstrap", secret, clock.instant()));
        }
    }

    public Optional<Actor.Token> authenticate(String secret) {
        return tokens.findByTokenHash(TokenSecrets.hash(secret))
                .filter(ApiToken::active)
                .map(ApiToken::asActor);
    }

    public List<ApiToken> listForOrganization(long organizationId) {
        return tokens.findByOrganizationIdOrderByCreatedAtDesc(organizationId);
    }

    @Transactional
    public void revoke(long organizationId, long tokenId) {
        ApiToken token = tokens.findByOrganizationIdAndId(organizationId, tokenId)
                .orElseThrow(() -> NotFoundException.of("token", tokenId));
        token.revoke(clock.instant());
        tokens.save(token);
    }

    public record IssuedToken(long id, String name, String token) {
    }
}
