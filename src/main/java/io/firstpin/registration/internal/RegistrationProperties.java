package io.firstpin.registration.internal;

import io.firstpin.platform.limits.Limit;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on public registration.
 *
 * @param rateLimitPerMinute registrations one client address may make per minute, steadily (page and API together)
 * @param rateLimitBurst how many it may make at once before the steady rate applies: a venue's shared address
 * @param perEmailPerHour registrations (and so confirmation emails) one email address may get per hour
 * @param linksValidAfterEvent a registration's private links (manage, reminder, survey) open nothing once its event
 *        ended this long ago
 */
@ConfigurationProperties("firstpin.registration")
public record RegistrationProperties(@DefaultValue("60") int rateLimitPerMinute,
        @DefaultValue("150") int rateLimitBurst, @DefaultValue("10") int perEmailPerHour,
        @DefaultValue("90d") Duration linksValidAfterEvent) {

    public RegistrationProperties {
        if (rateLimitPerMinute < 1 || rateLimitBurst < 1 || perEmailPerHour < 1) {
            throw new IllegalArgumentException("firstpin.registration limits must be at least 1");
        }
    }

    public Limit perAddress() {
        return new Limit("registration", rateLimitBurst, rateLimitPerMinute, Duration.ofMinutes(1));
    }

    public Limit perEmail() {
        return Limit.of("registration-email", perEmailPerHour, Duration.ofHours(1));
    }
}
