package io.firstpin.registration.internal;

import io.firstpin.platform.limits.Limit;
import io.firstpin.platform.limits.RequestLimit;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The limits on what anyone may do to registrations, per client address and shared by every instance
 * ({@code platform.limits}); the limit per email is {@link RegistrationProperties#perEmail()}, taken where the email is
 * read. Registering has a burst, so that a venue's one shared address lets a crowd register for the after-party at
 * once, while a script from that address is held to the steady rate.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationLimits {

    /** A burst too: people behind one office or venue address cancel together when a session moves. */
    private static final Limit CANCELLATION = new Limit("cancellation", 60, 20, Duration.ofMinutes(1));
    private static final Limit REGISTRANT_PAGE = Limit.of("registrant-page", 30, Duration.ofMinutes(1));
    /** Asking for a registration's link again: each answer may be an email, so fewer than registrations. */
    private static final Limit LINK_AGAIN = Limit.of("link-again", 10, Duration.ofMinutes(1));

    @Bean
    RequestLimit registrationPage(RegistrationProperties properties) {
        return RequestLimit.of(HttpMethod.POST, "/e/*/register", properties.perAddress());
    }

    @Bean
    RequestLimit registrationApi(RegistrationProperties properties) {
        return RequestLimit.anonymous(HttpMethod.POST, "/api/v1/events/*/registrations", properties.perAddress());
    }

    @Bean
    RequestLimit linkAgainPage() {
        return RequestLimit.of(HttpMethod.POST, "/e/*/resend-link", LINK_AGAIN);
    }

    @Bean
    RequestLimit linkAgainApi() {
        return RequestLimit.anonymous(HttpMethod.POST, "/api/v1/events/*/registrations/resend-link", LINK_AGAIN);
    }

    @Bean
    RequestLimit cancellationPage() {
        return RequestLimit.of(HttpMethod.POST, "/r/*/cancel", CANCELLATION);
    }

    @Bean
    RequestLimit cancellationApi() {
        return RequestLimit.anonymous(HttpMethod.DELETE, "/api/v1/registrations/*", CANCELLATION);
    }

    @Bean
    RequestLimit registrantAnswers() {
        return RequestLimit.of(HttpMethod.POST, "/r/*/answers", REGISTRANT_PAGE);
    }

    @Bean
    RequestLimit registrantReconfirmation() {
        return RequestLimit.of(HttpMethod.POST, "/r/*/reconfirm", REGISTRANT_PAGE);
    }

    @Bean
    RequestLimit registrantProof() {
        return RequestLimit.of(HttpMethod.POST, "/r/*/prove", REGISTRANT_PAGE);
    }
}
