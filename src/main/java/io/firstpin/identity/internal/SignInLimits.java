package io.firstpin.identity.internal;

import io.firstpin.platform.limits.RequestLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Limits per client address on the anonymous forms of signing in and asking for a password reset. */
@Configuration(proxyBeanMethods = false)
class SignInLimits {

    @Bean
    RequestLimit signInRequestLimit(SignInProperties properties) {
        return RequestLimit.of(HttpMethod.POST, "/login", properties.requests());
    }

    @Bean
    RequestLimit passwordResetRequestLimit(SignInProperties properties) {
        return RequestLimit.of(HttpMethod.POST, "/password-reset", properties.resetRequests());
    }
}
