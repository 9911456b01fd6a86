package io.firstpin.identity.internal;

import io.firstpin.identity.ApiTokens;
import io.firstpin.identity.Passkeys;
import io.firstpin.identity.TwoFactor;
import io.firstpin.platform.passkey.PasskeyRequestErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Two doors: {@code /api/**} takes bearer tokens and nothing else (stateless, no CSRF since no cookie is used);
 * everything else is pages, where staff pages need a form login and every form carries a CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Pages reached by a private link whose token is part of the address. */
    static final List<String> PRIVATE_LINK_PAGES = List.of("/r/**", "/o/**", "/s/**", "/invitations/**",
            "/password-reset/**");

    private static final Pattern PASSKEY_ENDPOINTS = Pattern.compile("^/(webauthn/.*|login/webauthn)$");

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
                    // a read-only token reads and nothing else, whatever a controller checks
                    authorize.requestMatchers(HttpMethod.GET).authenticated()
                            .requestMatchers(HttpMethod.HEAD).authenticated()
                            .requestMatchers(HttpMethod.OPTIONS).authenticated()
                            .anyRequest().hasAuthority(ApiTokenAuthentication.API_WRITE);
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
    SecurityFilterChain pageSecurity(HttpSecurity http, ThrottledSignIn signIn, TwoFactor twoFactor, Passkeys passkeys,
            PasskeySignIn passkeySignIn, StaffUserDetailsService users, StaffPasskeyUsers passkeyUsers,
            StaffPasskeyCredentials passkeyCredentials) throws Exception {
        SecondFactorGate secondFactor = new SecondFactorGate(twoFactor, passkeys);
        // Spring's passkey configurer looks these up by type; given here, a second chain can never get them by accident
        http.setSharedObject(UserDetailsService.class, users);
        http.setSharedObject(PublicKeyCredentialUserEntityRepository.class, passkeyUsers);
        http.setSharedObject(UserCredentialRepository.class, passkeyCredentials);
        // the only way in by password, with no parent manager behind it that would try the password again unthrottled
        http.authenticationManager(new ProviderManager(signIn))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/manage", "/manage/**").authenticated()
                        .requestMatchers("/admin", "/admin/**").hasAuthority("INSTANCE_ADMIN")
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority("INSTANCE_ADMIN")
                        // a passkey is removed on the account page, where the last required second factor is kept
                        .requestMatchers(HttpMethod.DELETE, "/webauthn/**").denyAll()
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").successHandler(secondFactor.afterPassword())
                        .failureHandler(ThrottledSignIn.failureHandler()).permitAll())
                .webAuthn(passkey -> passkey.disableDefaultRegistrationPage(true)
                        .withObjectPostProcessor(passkeySignIn.intoFilter()))
                // before Spring's passkey filters: a session still owing its code adds no passkey
                .addFilterBefore(secondFactor, AuthorizationFilter.class)
                .addFilterBefore(new PasskeyRequestErrors(PASSKEY_ENDPOINTS), AuthorizationFilter.class)
                .logout(logout -> logout.logoutSuccessUrl("/?logout"))
                .headers(headers -> headers
                        // no picture from another site: a visitor's browser never tells a third party it was here
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
                                        + "base-uri 'self'; form-action 'self'"))
                        .addHeaderWriter(referrerPolicy()));
        return http.build();
    }

    /** The relying party of every passkey filter: user verification required, our origin only. */
    @Bean
    WebAuthnRelyingPartyOperations relyingParty(PasskeySignIn passkeySignIn) {
        return passkeySignIn.relyingParty();
    }

    /**
     * Pages whose address carries a private token (a registration's page, a nudge's, an unsubscribe link) never send
     * that address on to another site: {@code no-referrer}; other pages send only the origin to other sites.
     */
    private static HeaderWriter referrerPolicy() {
        RequestMatcher tokenPages = new OrRequestMatcher(PRIVATE_LINK_PAGES.stream()
                .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern)).toList());
        return (request, response) -> response.setHeader("Referrer-Policy",
                tokenPages.matches(request) ? "no-referrer" : "strict-origin-when-cross-origin");
    }
}
