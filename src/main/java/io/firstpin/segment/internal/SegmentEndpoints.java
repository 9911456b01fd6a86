package io.firstpin.segment.internal;

import io.firstpin.identity.PublicApiEndpoint;
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
}
