package io.firstpin.platform.limits;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class RequestLimitConfiguration {

    /** Not a data source bean, so that "the" data source stays the application's one. */
    @Bean(destroyMethod = "close")
    RateLimitConnections rateLimitConnections(DataSource application, DataSourceProperties properties,
            RateLimitProperties limits, Environment environment) {
        String url = properties.determineUrl();
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            return RateLimitConnections.shared(application);
        }
        HikariDataSource pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
        pool.setPoolName("rate-limits");
        pool.setMaximumPoolSize(limits.poolSize());
        pool.setMinimumIdle(Math.min(2, limits.poolSize()));
        pool.setConnectionInitSql("SET synchronous_commit TO off");
        return RateLimitConnections.ownPool(pool);
    }

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
