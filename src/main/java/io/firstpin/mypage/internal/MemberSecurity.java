package io.firstpin.mypage.internal;

import io.firstpin.mypage.SignInCodes;
import io.firstpin.mypage.SignedInMember;
import io.firstpin.platform.passkey.PasskeyRequestErrors;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The member side's door, apart from the staff's: the member's page of an organization ({@code /my/{org}}), signed in
 * with a one-time code or link sent to their address or with a passkey they added ({@link MemberPasskeySignIn}), and
 * the email preferences page reached by an email's private link ({@code /p/**}). The member's sign-in is kept in the
 * session under a key of its own, so a staff sign-in in the same browser is neither replaced nor used here, and
 * signing out keeps it. A member of one organization is not
 * signed in at another's page. Every form carries a CSRF token; the Content Security Policy is the staff pages' one;
 * no address under it is sent on to another site.
 */
@Configuration(proxyBeanMethods = false)
class MemberSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'";
    private static final Pattern PASSKEY_ENDPOINTS = Pattern.compile("^/my/[^/]+/(webauthn/.*|login/webauthn)$");
    private static final Pattern ORGANIZATION = Pattern.compile("^/my/([a-z0-9][a-z0-9-]*)(/.*)?$");

    @Bean
    @Order(0)
    SecurityFilterChain memberSecurityChain(HttpSecurity http, MemberSignIn signIn, MemberPasskeySignIn passkeys,
            PendingFollow pendingFollow) throws Exception {
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(SignedInMember.SESSION_KEY);
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher("/my/**", "/p/**")
                .securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/p/**", "/my/*/sign-in", "/my/*/sign-in/**", "/my/*/erased",
                                "/my/*/webauthn/authenticate/options", "/my/*/login/webauthn").permitAll()
                        .requestMatchers("/my/*", "/my/*/**").access((authentication, context) ->
                                new AuthorizationDecision(sameOrganization(authentication.get(), context)))
                        .anyRequest().denyAll())
                .oneTimeTokenLogin(ott -> ott
                        .tokenGeneratingUrl("/my/*/sign-in/code")
                        .generateRequestResolver(signIn::resolve)
                        .tokenService(signIn)
                        .tokenGenerationSuccessHandler((request, response, token) ->
                                response.sendRedirect(request.getContextPath() + base(request) + "/sign-in/code"))
                        .loginProcessingUrl("/my/*/sign-in/verify")
                        .authenticationConverter(request -> {
                            String link = request.getParameter("link");
                            if (link != null) {
                                return org.springframework.security.authentication.ott
                                        .OneTimeTokenAuthenticationToken.unauthenticated("link:" + link);
                            }
                            Object email = request.getSession().getAttribute(SignInCodes.EMAIL_ATTRIBUTE);
                            return signIn.organizationOf(request).filter(o -> email != null)
                                    .map(o -> org.springframework.security.authentication.ott
                                            .OneTimeTokenAuthenticationToken.unauthenticated("code:" + o.id() + "|"
                                                    + email + "|" + request.getParameter("code")))
                                    .orElse(null);
                        })
                        .authenticationProvider(signIn.provider())
                        .showDefaultSubmitPage(false)
                        .loginPage("/my/sign-in")
                        .authenticationSuccessHandler((request, response, authentication) -> response.sendRedirect(
                                request.getContextPath() + base(request) + (pendingFollow.replay(request,
                                        (SignedInMember) authentication.getPrincipal()) ? "#follows" : "")))
                        .authenticationFailureHandler((request, response, e) -> response.sendRedirect(
                                request.getContextPath() + base(request) + "/sign-in/code?error")))
                .logout(logout -> logout
                        .logoutRequestMatcher(paths.matcher(HttpMethod.POST, "/my/*/sign-out"))
                        .invalidateHttpSession(false)
                        .logoutSuccessHandler((request, response, authentication) -> response.sendRedirect(
                                request.getContextPath() + base(request) + "/sign-in?signed-out")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> {
                            pendingFollow.remember(request);
                            toSignIn(request, response);
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            if (e instanceof CsrfException) {
                                // a forged form is refused as on every other page, never taken for a sign-in
                                new AccessDeniedHandlerImpl().handle(request, response, e);
                            } else {
                                toSignIn(request, response);
                            }
                        }))
                .addFilterBefore(new PasskeyRequestErrors(PASSKEY_ENDPOINTS), AuthorizationFilter.class)
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        // after the authorization above: adding a passkey needs the member of the path's organization
        for (Filter filter : passkeys.filters(contexts)) {
            http.addFilterAfter(filter, AuthorizationFilter.class);
        }
        return http.build();
    }

    private static boolean sameOrganization(org.springframework.security.core.Authentication authentication,
            RequestAuthorizationContext context) {
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInMember member)) {
            return false;
        }
        Matcher path = ORGANIZATION.matcher(context.getRequest().getRequestURI()
                .substring(context.getRequest().getContextPath().length()));
        return path.matches() && path.group(1).equals(member.organizationSlug());
    }

    /** {@code /my/{org}} of the request's path. */
    static String base(HttpServletRequest request) {
        Matcher path = ORGANIZATION.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        return path.matches() ? "/my/" + path.group(1) : "/";
    }

    private static void toSignIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + base(request) + "/sign-in");
    }
}
