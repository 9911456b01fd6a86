package io.firstpin.identity.internal;

import io.firstpin.identity.ApiTokens;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Two doors: {@code /api/**} takes bearer tokens and nothing else (stateless, no CSRF since no cookie is used);
 * everything else is pages, where staff pages need a form login and every form carries a CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, and old hashes keep working if the default moves to a stronger algorithm
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, JsonErrorWriter errors,
            PublicApiEndpoints publicEndpoints) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, errors), AuthorizationFilter.class)
                .authorizeHttpRequests(authorize -> {
                    publicEndpoints.patterns().forEach(p -> authorize.requestMatchers(p.method(), p.pattern()).permitAll());
                    authorize.anyRequest().authenticated();
                })
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> errors.write(response,
                                HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "error.token.missing", request))
                        .accessDeniedHandler((request, response, e) -> errors.write(response,
                                HttpServletResponse.SC_FORBIDDEN, "forbidden", "error.status.403", request)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/manage", "/manage/**").authenticated()
                        .requestMatchers("/admin", "/admin/**").hasAuthority("INSTANCE_ADMIN")
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority("INSTANCE_ADMIN")
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/manage", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/?logout"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'")));
        return http.build();
    }
}
