package io.firstpin.mypage.internal;

import io.firstpin.member.Member;
import io.firstpin.member.Members;
import io.firstpin.mypage.SignedInMember;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.PublicUrls;
import io.firstpin.platform.passkey.PasskeyRelyingParty;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.HttpSessionPublicKeyCredentialRequestOptionsRepository;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.security.web.webauthn.registration.HttpSessionPublicKeyCredentialCreationOptionsRepository;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsFilter;
import org.springframework.security.web.webauthn.registration.WebAuthnRegistrationFilter;
import org.springframework.stereotype.Component;

/**
 * Members' passkeys through Spring Security's WebAuthn filters, wired by hand into the member side's filter chain
 * under {@code /my/{org}/}: adding one ({@code webauthn/register/options}, {@code webauthn/register}) needs the
 * member signed in to that organization; signing in ({@code webauthn/authenticate/options}, {@code login/webauthn})
 * accepts only a passkey of a member of the organization in the path, so a passkey added at one organization never
 * signs in at another. The relying party is the staff's one ({@link PasskeyRelyingParty}), over the members' tables.
 */
@Component
class MemberPasskeySignIn implements AuthenticationProvider {

    private final Webauthn4JRelyingPartyOperations relyingParty;
    private final MemberPasskeyUsers users;
    private final MemberPasskeyCredentials credentials;
    private final Members members;
    private final Organizations organizations;
    private final PendingFollow pendingFollow;

    MemberPasskeySignIn(MemberPasskeyUsers users, MemberPasskeyCredentials credentials, Members members,
            Organizations organizations, PendingFollow pendingFollow, PublicUrls urls) {
        this.users = users;
        this.credentials = credentials;
        this.members = members;
        this.organizations = organizations;
        this.pendingFollow = pendingFollow;
        this.relyingParty = PasskeyRelyingParty.of(users, credentials, urls.base());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        PublicKeyCredentialUserEntity user;
        try {
            user = relyingParty.authenticate(
                    ((WebAuthnAuthenticationRequestToken) authentication).getWebAuthnRequest());
        } catch (RuntimeException e) {
            throw new BadCredentialsException("passkey not accepted", e);
        }
        MemberPasskeyUsers.Owner owner = users.ownerOf(user.getId())
                .orElseThrow(() -> new BadCredentialsException("passkey of no member"));
        Member member = members.findById(owner.memberId()).filter(m -> !m.erased())
                .filter(m -> m.organizationId() == owner.organizationId())
                .orElseThrow(() -> new BadCredentialsException("passkey of no member"));
        String email = member.primaryEmail().orElseThrow(() -> new BadCredentialsException("member without email"));
        Organization organization = organizations.findById(owner.organizationId()).orElseThrow();
        SignedInMember signedIn = new SignedInMember(organization.id(), organization.slug(), owner.memberId(), email);
        return UsernamePasswordAuthenticationToken.authenticated(signedIn, null,
                List.of(new SimpleGrantedAuthority("ROLE_MEMBER")));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
    }

    /** Spring's four passkey filters on the member side's paths; the sign-in keeps its result in {@code contexts}. */
    List<Filter> filters(SecurityContextRepository contexts) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        // the ceremonies' challenges under keys of their own, apart from a staff ceremony in the same session
        HttpSessionPublicKeyCredentialCreationOptionsRepository created =
                new HttpSessionPublicKeyCredentialCreationOptionsRepository();
        created.setAttrName("FIRSTPIN_MEMBER_PASSKEY_CREATION");
        HttpSessionPublicKeyCredentialRequestOptionsRepository requested =
                new HttpSessionPublicKeyCredentialRequestOptionsRepository();
        requested.setAttrName("FIRSTPIN_MEMBER_PASSKEY_REQUEST");
        PublicKeyCredentialCreationOptionsFilter creationOptions = new PublicKeyCredentialCreationOptionsFilter(
                relyingParty);
        creationOptions.setRequestMatcher(paths.matcher(HttpMethod.POST, "/my/*/webauthn/register/options"));
        creationOptions.setCreationOptionsRepository(created);
        WebAuthnRegistrationFilter registration = new WebAuthnRegistrationFilter(credentials, relyingParty);
        registration.setCreationOptionsRepository(created);
        registration.setRegisterCredentialMatcher(paths.matcher(HttpMethod.POST, "/my/*/webauthn/register"));
        // removing is the page's form, which checks whose passkey it is and writes the audit log
        registration.setRemoveCredentialMatcher(request -> false);
        PublicKeyCredentialRequestOptionsFilter requestOptions = new PublicKeyCredentialRequestOptionsFilter(
                relyingParty);
        requestOptions.setRequestMatcher(paths.matcher(HttpMethod.POST, "/my/*/webauthn/authenticate/options"));
        requestOptions.setRequestOptionsRepository(requested);
        // asked as nobody: a member signed in elsewhere would be offered only that organization's passkeys
        requestOptions.setSecurityContextHolderStrategy(new NobodySignedIn());
        SignInFilter signIn = new SignInFilter();
        signIn.setRequiresAuthenticationRequestMatcher(paths.matcher(HttpMethod.POST, "/my/*/login/webauthn"));
        signIn.setAuthenticationManager(new ProviderManager(this));
        signIn.setRequestOptionsRepository(requested);
        signIn.setSecurityContextRepository(contexts);
        signIn.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
        signIn.setAuthenticationFailureHandler(
                new AuthenticationEntryPointFailureHandler(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        signIn.setAuthenticationSuccessHandler((request, response, authentication) -> {
            SignedInMember member = (SignedInMember) authentication.getPrincipal();
            String home = request.getContextPath() + "/my/" + member.organizationSlug()
                    + (pendingFollow.replay(request, member) ? "#follows" : "");
            response.setContentType("application/json");
            response.getWriter().write("{\"authenticated\":true,\"redirectUrl\":\"" + home + "\"}");
        });
        return List.of(creationOptions, registration, requestOptions, signIn);
    }

    /** No one signed in, whatever the session holds. */
    private static final class NobodySignedIn implements SecurityContextHolderStrategy {

        @Override
        public void clearContext() {
        }

        @Override
        public SecurityContext getContext() {
            return createEmptyContext();
        }

        @Override
        public void setContext(SecurityContext context) {
        }

        @Override
        public SecurityContext createEmptyContext() {
            return new SecurityContextImpl();
        }
    }

    /** Spring's passkey sign-in, refusing a passkey of a member of another organization than the path's. */
    private static final class SignInFilter extends WebAuthnAuthenticationFilter {

        @Override
        public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response)
                throws java.io.IOException, jakarta.servlet.ServletException {
            Authentication authentication = super.attemptAuthentication(request, response);
            SignedInMember member = (SignedInMember) authentication.getPrincipal();
            if (!MemberSecurity.base(request).equals("/my/" + member.organizationSlug())) {
                throw new BadCredentialsException("passkey of another organization");
            }
            return authentication;
        }
    }
}
