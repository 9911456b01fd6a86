package io.firstpin.mypage.internal;

import io.firstpin.identity.PublicApiEndpoint;
import io.firstpin.platform.limits.Limit;
import io.firstpin.platform.limits.RequestLimit;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class MyPageEndpoints {

    private static final Limit PREFERENCES = Limit.of("preferences", 30, Duration.ofMinutes(1));

    /** RFC 8058 one-click unsubscribe: mail clients POST to the List-Unsubscribe address without any session. */
    @Bean
    PublicApiEndpoint oneClickUnsubscribe() {
        return new PublicApiEndpoint(HttpMethod.POST, "/api/v1/email-preferences/*/unsubscribe");
    }

    @Bean
    RequestLimit oneClickUnsubscribeLimit() {
        return RequestLimit.of(HttpMethod.POST, "/api/v1/email-preferences/*/unsubscribe", PREFERENCES);
    }

    @Bean
    RequestLimit preferencesPageLimit() {
        return RequestLimit.of(HttpMethod.POST, "/p/**", PREFERENCES);
    }
}
