package io.firstpin.identity.internal;

import io.firstpin.identity.ApiTokens;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * {@code /actuator/prometheus} for a metrics scraper, which cannot sign in through a form: an instance-administrator
 * API token as {@code Authorization: Bearer}, nothing else (Prometheus: {@code authorization: {credentials: …}}).
 * The other actuator endpoints stay with the page rules (health and info open, the rest for signed-in instance
 * administrators).
 */
@Configuration(proxyBeanMethods = false)
class MetricsScrapeSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain metricsScrape(HttpSecurity http, ApiTokens tokens, JsonErrorWriter errors) throws Exception {
        http.securityMatcher("/actuator/prometheus")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, errors), AuthorizationFilter.class)
                .authorizeHttpRequests(authorize -> authorize.anyRequest().hasAuthority("INSTANCE_ADMIN"))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> errors.write(response,
                                HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "error.token.missing", request))
                        .accessDeniedHandler((request, response, e) -> errors.write(response,
                                HttpServletResponse.SC_FORBIDDEN, "forbidden", "error.status.403", request)));
        return http.build();
    }
}
