package io.firstpin.platform.outbound;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OutboundConfiguration {

    @Bean
    OutboundHttp outboundHttp(OutboundProperties properties) {
        return OutboundHttp.create(properties);
    }
}
