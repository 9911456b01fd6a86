package io.firstpin.segment.internal;

import io.firstpin.identity.PublicApiEndpoint;
import io.firstpin.platform.limits.Limit;
import io.firstpin.platform.limits.RequestLimit;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class SegmentEndpoints {

    /** RFC 8058 one-click unsubscribe: mail clients POST to the List-Unsubscribe address without any session. */
    @Bean
    PublicApiEndpoint oneClickSegmentUnsubscribe() {
        return new PublicApiEndpoint(HttpMethod.POST, "/api/v1/segment-messages/*/unsubscribe");
    }

    private static final Limit UNSUBSCRIBING = Limit.of("unsubscribe", 30, Duration.ofMinutes(1));

    @Bean
    RequestLimit segmentUnsubscribePage() {
        return RequestLimit.of(HttpMethod.POST, "/s/*/unsubscribe", UNSUBSCRIBING);
    }

    @Bean
    RequestLimit segmentUnsubscribeOneClick() {
        return RequestLimit.of(HttpMethod.POST, "/api/v1/segment-messages/*/unsubscribe", UNSUBSCRIBING);
    }
}
