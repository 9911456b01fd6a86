package io.firstpin.platform.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param poolSize connections of the rate limits' own pool on PostgreSQL; each take holds one for a few statements
 */
@ConfigurationProperties("firstpin.limits")
record RateLimitProperties(@DefaultValue("8") int poolSize) {

    RateLimitProperties {
        if (poolSize < 1) {
            throw new IllegalArgumentException("firstpin.limits.pool-size must be at least 1");
        }
    }
}
