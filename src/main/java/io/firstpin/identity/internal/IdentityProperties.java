package io.firstpin.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param bootstrapToken FIRSTPIN_BOOTSTRAP_TOKEN: an instance-administrator API token that must exist at start
 * @param adminEmail FIRSTPIN_ADMIN_EMAIL: an instance-administrator account that must exist at start
 * @param adminPassword FIRSTPIN_ADMIN_PASSWORD: its password, used only when the account is created
 */
@ConfigurationProperties("firstpin")
record IdentityProperties(String bootstrapToken, String adminEmail, String adminPassword) {
}
