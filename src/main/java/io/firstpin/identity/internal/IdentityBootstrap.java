package io.firstpin.identity.internal;

import io.firstpin.identity.ApiTokens;
import io.firstpin.identity.PasswordPolicy;
import io.firstpin.identity.StaffAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Creates the instance administrator's token and account asked for in the configuration. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityBootstrap implements ApplicationRunner {

    static final int MIN_TOKEN_LENGTH = 32;

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    private final IdentityProperties properties;
    private final ApiTokens tokens;
    private final StaffAccounts accounts;

    IdentityBootstrap(IdentityProperties properties, ApiTokens tokens, StaffAccounts accounts) {
        this.properties = properties;
        this.tokens = tokens;
        this.accounts = accounts;
    }

    /**
     * At least 32 characters of something random ({@code openssl rand -hex 32} gives 64): not a phrase, not a common
     * password, not a few characters repeated.
     */
    static void requireRandomToken(String token) {
        boolean random = token.length() >= MIN_TOKEN_LENGTH && token.chars().distinct().count() >= 12
                && PasswordPolicy.acceptable(token.length() > PasswordPolicy.MAX_BYTES
                        ? token.substring(0, PasswordPolicy.MAX_BYTES) : token, null)
                && token.chars().noneMatch(Character::isWhitespace);
        if (!random) {
            throw new IllegalStateException("FIRSTPIN_BOOTSTRAP_TOKEN must be at least " + MIN_TOKEN_LENGTH
                    + " random characters without spaces, e.g. the output of: openssl rand -hex 32");
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (StringUtils.hasText(properties.bootstrapToken())) {
            requireRandomToken(properties.bootstrapToken());
            tokens.ensureInstanceToken(properties.bootstrapToken());
            log.info("Bootstrap instance-administrator token is in place");
        }
        if (StringUtils.hasText(properties.adminEmail()) && StringUtils.hasText(properties.adminPassword())) {
            accounts.ensureInstanceAdmin(properties.adminEmail(), properties.adminPassword());
            log.info("Instance-administrator account {} is in place", properties.adminEmail());
        }
    }
}
