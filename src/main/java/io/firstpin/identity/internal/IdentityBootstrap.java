package io.firstpin.identity.internal;

import io.firstpin.identity.ApiTokens;
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

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    private final IdentityProperties properties;
    private final ApiTokens tokens;
    private final StaffAccounts accounts;

    IdentityBootstrap(IdentityProperties properties, ApiTokens tokens, StaffAccounts accounts) {
        this.properties = properties;
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (StringUtils.hasText(properties.bootstrapToken())) {
            if (properties.bootstrapToken().length() < 16) {
                throw new IllegalStateException("FIRSTPIN_BOOTSTRAP_TOKEN must be at least 16 characters long");
            }
            tokens.ensureInstanceToken(properties.bootstrapToken());
            log.info("Bootstrap instance-administrator token is in place");
        }
        if (StringUtils.hasText(properties.adminEmail()) && StringUtils.hasText(properties.adminPassword())) {
            accounts.ensureInstanceAdmin(properties.adminEmail(), properties.adminPassword());
            log.info("Instance-administrator account {} is in place", properties.adminEmail());
        }
    }
}
