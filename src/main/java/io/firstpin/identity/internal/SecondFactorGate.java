package io.firstpin.identity.internal;

import io.firstpin.identity.ActorPrincipal;
import io.firstpin.identity.Actor;
import io.firstpin.identity.Passkeys;
import io.firstpin.identity.TwoFactor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The second step of signing in. After the password, an account with an authenticator must type a code
 * ({@code /login/code}) before any staff page opens; an admin of an organization that requires a second factor and has
 * none must set one up first ({@code /manage/account/two-factor}). The state is kept in the session, which the
 * password step has just renewed.
 */
public final class SecondFactorGate extends OncePerRequestFilter {

    /** Session attribute: the password was right, the code is still to come. */
    public static final String CODE_PENDING = SecondFactorGate.class.getName() + ".CODE_PENDING";
    /** Session attribute: an authenticator must be set up before anything else. */
    public static final String ENROLMENT_REQUIRED = SecondFactorGate.class.getName() + ".ENROLMENT_REQUIRED";

    static final String CODE_PAGE = "/login/code";
    static final String ENROLMENT_PAGE = "/manage/account/two-factor";

    private final TwoFactor twoFactor;
    private final Passkeys passkeys;

    SecondFactorGate(TwoFactor twoFactor, Passkeys passkeys) {
        this.twoFactor = twoFactor;
        this.passkeys = passkeys;
    }

    /** After a right password: on to the code, to setting one up, or where the visitor was going. */
    AuthenticationSuccessHandler afterPassword() {
        SavedRequestAwareAuthenticationSuccessHandler onwards = new SavedRequestAwareAuthenticationSuccessHandler();
        onwards.setDefaultTargetUrl("/manage");
        return (request, response, authentication) -> {
            long accountId = staffAccountId(authentication);
            HttpSession session = request.getSession();
            if (accountId > 0 && twoFactor.enabled(accountId)) {
                session.setAttribute(CODE_PENDING, Boolean.TRUE);
                response.sendRedirect(request.getContextPath() + CODE_PAGE);
                return;
            }
            if (accountId > 0 && twoFactor.requiredFor(accountId) && passkeys.any(accountId)) {
                // the organization asks for a second factor and this account's is a passkey: a password is not enough
                session.invalidate();
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/login?passkey");
                return;
            }
            if (accountId > 0 && twoFactor.requiredFor(accountId)) {
                session.setAttribute(ENROLMENT_REQUIRED, Boolean.TRUE);
                response.sendRedirect(request.getContextPath() + ENROLMENT_PAGE);
                return;
            }
            onwards.onAuthenticationSuccess(request, response, authentication);
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean staffArea = path.startsWith("/manage") || path.startsWith("/admin") || path.startsWith("/actuator");
        if (session != null && session.getAttribute(CODE_PENDING) != null && path.startsWith("/webauthn/register")) {
            // a password without its code adds no passkey, which would otherwise sign in past the code next time
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (session != null && session.getAttribute(ENROLMENT_REQUIRED) != null
                && passkeys.any(currentAccountId())) {
            // a passkey was just added on the set-up page: that is the second factor the organization asked for
            session.removeAttribute(ENROLMENT_REQUIRED);
        }
        if (session != null && staffArea) {
            if (session.getAttribute(CODE_PENDING) != null) {
                response.sendRedirect(request.getContextPath() + CODE_PAGE);
                return;
            }
            if (session.getAttribute(ENROLMENT_REQUIRED) != null && !path.startsWith(ENROLMENT_PAGE)) {
                response.sendRedirect(request.getContextPath() + ENROLMENT_PAGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static long staffAccountId(Authentication authentication) {
        if (authentication.getPrincipal() instanceof ActorPrincipal principal
                && principal.actor() instanceof Actor.Staff staff) {
            return staff.accountId();
        }
        return 0;
    }

    /** The signed-in account, for the code page. */
    public static long currentAccountId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? 0 : staffAccountId(authentication);
    }
}
