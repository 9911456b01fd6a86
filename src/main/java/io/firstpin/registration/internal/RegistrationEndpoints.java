package io.firstpin.registration.internal;

import io.firstpin.identity.PublicApiEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Registering needs no account; a registrant manages their registration with its private token. */
@Configuration(proxyBeanMethods = false)
class RegistrationEndpoints {

    @Bean
    PublicApiEndpoint publicRegistration() {
        return new PublicApiEndpoint(HttpMethod.POST, "/api/v1/events/*/registrations");
    }

    @Bean
    PublicApiEndpoint linkResend() {
        return new PublicApiEndpoint(HttpMethod.POST, "/api/v1/events/*/registrations/resend-link");
    }

    @Bean
    PublicApiEndpoint registrationQuestions() {
        return new PublicApiEndpoint(HttpMethod.GET, "/api/v1/events/*/questions");
    }

    @Bean
    PublicApiEndpoint registrantCancellation() {
        return new PublicApiEndpoint(HttpMethod.DELETE, "/api/v1/registrations/*");
    }

    @Bean
    PublicApiEndpoint registrantView() {
        return new PublicApiEndpoint(HttpMethod.GET, "/api/v1/registrations/*");
    }
}
