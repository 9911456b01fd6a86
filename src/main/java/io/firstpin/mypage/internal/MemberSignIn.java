package io.firstpin.mypage.internal;

import io.firstpin.member.EmailProofs;
import io.firstpin.member.IdentityInput;
import io.firstpin.member.Members;
import io.firstpin.mypage.SignInCodes;
import io.firstpin.mypage.SignInCodes.Issued;
import io.firstpin.mypage.SignInCodes.Purpose;
import io.firstpin.mypage.SignedInMember;
import io.firstpin.notification.Notifications;
import io.firstpin.notification.OutgoingEmail;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.PublicUrls;
import io.firstpin.platform.limits.Limit;
import io.firstpin.platform.limits.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthentication;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Security's one-time-token login, for members of one organization: the code and the link are
 * {@link SignInCodes}, emailed through the outbox; signing in proves the address ({@code EmailProofs.emailProven}),
 * so the member it belongs to (or a new one) is the one signed in. Tokens are named {@code code:<org>|<email>|<code>}
 * or {@code link:<secret>} between the converter and the service.
 */
@Component
class MemberSignIn implements OneTimeTokenService {

    static final Pattern SIGN_IN_PATH = Pattern.compile("^/my/([a-z0-9][a-z0-9-]*)/sign-in/.*");
    private static final Limit PER_ADDRESS = Limit.of("member-sign-in-email", 5, Duration.ofHours(1));

    private final SignInCodes codes;
    private final Organizations organizations;
    private final Members members;
    private final EmailProofs proofs;
    private final Notifications notifications;
    private final RateLimits limits;
    private final PublicUrls urls;
    private final TransactionTemplate transaction;

    MemberSignIn(SignInCodes codes, Organizations organizations, Members members, EmailProofs proofs,
            Notifications notifications, RateLimits limits, PublicUrls urls,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.codes = codes;
        this.organizations = organizations;
        this.members = members;
        this.proofs = proofs;
        this.notifications = notifications;
        this.limits = limits;
        this.urls = urls;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The organization of a path under {@code /my/{org}/sign-in/}. */
    Optional<Organization> organizationOf(HttpServletRequest request) {
        var matcher = SIGN_IN_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        return matcher.matches() ? organizations.findBySlug(matcher.group(1)) : Optional.empty();
    }

    /** Who asks for a code: the organization of the path and the address typed; null when either is not usable. */
    GenerateOneTimeTokenRequest resolve(HttpServletRequest request) {
        String email = request.getParameter("email");
        Optional<Organization> organization = organizationOf(request);
        if (organization.isEmpty() || email == null || !email.strip().matches("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+")
                || email.length() > 320) {
            return null;
        }
        request.getSession().setAttribute(SignInCodes.EMAIL_ATTRIBUTE, email.strip().toLowerCase(Locale.ROOT));
        return new GenerateOneTimeTokenRequest(organization.get().id() + "|" + email.strip().toLowerCase(Locale.ROOT),
                SignInCodes.VALID_FOR);
    }

    /** Issues and emails a code and link; beyond the address's limit nothing is sent, and nobody is told. */
    @Override
    public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
        long organizationId = Long.parseLong(request.getUsername().substring(0, request.getUsername().indexOf('|')));
        String email = request.getUsername().substring(request.getUsername().indexOf('|') + 1);
        if (limits.take(PER_ADDRESS, organizationId + "|" + email).allowed()) {
            transaction.executeWithoutResult(status -> send(codes.issue(organizationId, email, Purpose.SIGN_IN)));
        }
        return new Token("", request.getUsername(), Instant.now().plus(SignInCodes.VALID_FOR));
    }

    private void send(Issued issued) {
        Organization organization = organizations.findById(issued.organizationId()).orElseThrow();
        Map<String, Object> model = Map.of("organizationName", organization.name(), "code", issued.code(),
                "linkUrl", urls.base() + "/my/" + organization.slug() + "/sign-in/link?token=" + issued.link(),
                "minutes", SignInCodes.VALID_FOR.toMinutes());
        notifications.send(new OutgoingEmail(organization.id(), issued.email(), null, "mypage/sign-in", model,
                "member-sign-in:" + organization.id() + ":" + issued.link()));
    }

    /** The code typed with its address, or the link: used up, the address answered as the token's username. */
    @Override
    public OneTimeToken consume(OneTimeTokenAuthenticationToken token) {
        String value = token.getTokenValue() == null ? "" : token.getTokenValue();
        if (value.startsWith("link:")) {
            return codes.useLink(value.substring(5), Purpose.SIGN_IN)
                    .map(h -> (OneTimeToken) new Token(value, h.organizationId() + "|" + h.email(), Instant.now()))
                    .orElse(null);
        }
        String[] parts = value.startsWith("code:") ? value.substring(5).split("\\|", 3) : new String[0];
        if (parts.length != 3) {
            return null;
        }
        long organizationId = Long.parseLong(parts[0]);
        return codes.useCode(organizationId, parts[1], parts[2], Purpose.SIGN_IN)
                .map(email -> (OneTimeToken) new Token(value, organizationId + "|" + email, Instant.now()))
                .orElse(null);
    }

    /**
     * The provider of the member side's sign-in. Not a bean: a lone provider bean would become the staff login's
     * provider too.
     */
    AuthenticationProvider provider() {
        return new AuthenticationProvider() {

            @Override
            public Authentication authenticate(Authentication authentication) {
                return signIn(authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return OneTimeTokenAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    /** The member whose address was just proven; a new member when the organization knew nobody by it. */
    private Authentication signIn(Authentication authentication) {
        OneTimeToken used = consume((OneTimeTokenAuthenticationToken) authentication);
        if (used == null) {
            throw new BadCredentialsException("invalid or expired code");
        }
        long organizationId = Long.parseLong(used.getUsername().substring(0, used.getUsername().indexOf('|')));
        String email = used.getUsername().substring(used.getUsername().indexOf('|') + 1);
        Long memberId = transaction.execute(status -> proofs.emailProven(organizationId, email)
                .orElseGet(() -> members.findOrRegisterId(organizationId, email.substring(0, email.indexOf('@')),
                        IdentityInput.email(email))));
        Organization organization = organizations.findById(organizationId).orElseThrow();
        SignedInMember member = new SignedInMember(organizationId, organization.slug(), memberId, email);
        return new OneTimeTokenAuthentication(member, List.of(new SimpleGrantedAuthority("ROLE_MEMBER")));
    }

    /** The token between the converter, the service and the provider. */
    private record Token(String getTokenValue, String getUsername, Instant getExpiresAt) implements OneTimeToken {
    }
}
