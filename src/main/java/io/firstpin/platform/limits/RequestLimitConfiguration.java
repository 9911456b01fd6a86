package io.firstpin.platform.limits;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class RequestLimitConfiguration {

    @Bean
    FilterRegistrationBean<RequestLimitFilter> requestLimitFilter(RateLimits limits,
            ObjectProvider<RequestLimit> requestLimits) {
        List<RequestLimit> all = requestLimits.orderedStream().toList();
        FilterRegistrationBean<RequestLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestLimitFilter(limits, all));
        // before Spring Security (-100) and everything that could answer the request
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<UploadLimitFilter> uploadLimitFilter(UploadProperties properties,
            ObjectProvider<UploadLimit> uploadLimits, MessageSource messages) {
        FilterRegistrationBean<UploadLimitFilter> registration = new FilterRegistrationBean<>(
                new UploadLimitFilter(properties, uploadLimits.orderedStream().toList(), messages));
        // before anything may read the body, Spring Security's CSRF check among them
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
