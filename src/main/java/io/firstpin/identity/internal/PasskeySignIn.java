package io.firstpin.identity.internal;

import io.firstpin.identity.AccountEvents;
import io.firstpin.identity.StaffAccount;
import io.firstpin.platform.PublicUrls;
import io.firstpin.platform.passkey.PasskeyRelyingParty;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Component;

/**
 * Signing in with a passkey (Spring Security's WebAuthn), against the {@link PasskeyRelyingParty}: the authenticator
 * must verify its user (PIN, fingerprint), which is what lets a passkey stand for both factors. The signed-in
 * principal is the same staff principal a password gives, the session id is renewed, and any second step still
 * pending from a password in the same session is done.
 */
@Component
class PasskeySignIn implements AuthenticationProvider {

    private final Webauthn4JRelyingPartyOperations relyingParty;
    private final StaffPasskeyUsers users;
    private final StaffAccountRepository accounts;
    private final ApplicationEventPublisher events;

    PasskeySignIn(StaffPasskeyUsers users, StaffPasskeyCredentials credentials, StaffAccountRepository accounts,
            PublicUrls urls, ApplicationEventPublisher events) {
        this.users = users;
        this.accounts = accounts;
        this.events = events;
        this.relyingParty = PasskeyRelyingParty.of(users, credentials, urls.base());
    }

    Webauthn4JRelyingPartyOperations relyingParty() {
        return relyingParty;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        WebAuthnAuthenticationRequestToken request = (WebAuthnAuthenticationRequestToken) authentication;
        PublicKeyCredentialUserEntity user;
        try {
            user = relyingParty.authenticate(request.getWebAuthnRequest());
        } catch (RuntimeException e) {
            throw new BadCredentialsException("passkey not accepted", e);
        }
        StaffAccount account = accounts.findById(users.accountOf(user.getId()))
                .orElseThrow(() -> new BadCredentialsException("passkey of no account"));
        StaffPrincipal principal = new StaffPrincipal(account);
        principal.eraseCredentials();
        List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
        if (account.roles().isEmpty()) {
            events.publishEvent(new AccountEvents.SignedIn(null, account.id(), "passkey"));
        }
        account.roles().forEach(grant -> events.publishEvent(
                new AccountEvents.SignedIn(grant.organizationId(), account.id(), "passkey")));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
    }

    /** Puts this provider, a renewed session id and the answer our script reads into Spring's passkey filter. */
    ObjectPostProcessor<WebAuthnAuthenticationFilter> intoFilter() {
        return new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
            @Override
            public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationManager(new ProviderManager(PasskeySignIn.this));
                filter.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
                filter.setAuthenticationSuccessHandler(signedIn());
                return filter;
            }
        };
    }

    private static AuthenticationSuccessHandler signedIn() {
        return (request, response, authentication) -> {
            HttpSession session = request.getSession();
            session.removeAttribute(SecondFactorGate.CODE_PENDING);
            session.removeAttribute(SecondFactorGate.ENROLMENT_REQUIRED);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(("{\"authenticated\":true,\"redirectUrl\":\"" + request.getContextPath()
                    + "/manage\"}").getBytes(StandardCharsets.UTF_8));
        };
    }
}
