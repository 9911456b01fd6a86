package io.firstpin.identity.internal;

import io.firstpin.identity.AccountEvents;
import io.firstpin.identity.OrganizationRoleGrant;
import io.firstpin.identity.SignInAddresses;
import io.firstpin.identity.SignInRestriction;
import io.firstpin.identity.StaffAccount;
import io.firstpin.platform.limits.Allowance;
import io.firstpin.platform.limits.RateLimits;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password sign-in that resists guessing: failures are counted per email typed and per client address in the shared
 * {@link RateLimits} buckets, and past either limit every attempt is refused (the right password too) until the bucket
 * refills. The failure that locks an existing account emails its owner, once per lock: the bucket's last token is
 * taken by exactly one request, whichever instance serves it. Success refills the account's bucket.
 */
@Component
class ThrottledSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final StaffAccountRepository accounts;
    private final RateLimits limits;
    private final SignInProperties properties;
    private final ObjectProvider<SignInRestriction> restrictions;
    private final LockNotice lockNotice;
    private final ApplicationEventPublisher events;

    ThrottledSignIn(StaffUserDetailsService users, PasswordEncoder encoder, StaffAccountRepository accounts,
            RateLimits limits, SignInProperties properties, ObjectProvider<SignInRestriction> restrictions,
            LockNotice lockNotice, ApplicationEventPublisher events) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.accounts = accounts;
        this.limits = limits;
        this.properties = properties;
        this.restrictions = restrictions;
        this.lockNotice = lockNotice;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = authentication.getName() == null ? "" : authentication.getName().strip().toLowerCase(Locale.ROOT);
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = address(authentication);
        Optional<StaffAccount> account = accounts.findByEmail(email);
        if (!limits.check(properties.accountFailures(), email).allowed()
                || !limits.check(properties.addressFailures(), address).allowed()) {
            publishFailure(account, "throttled");
            throw new LockedException("too many failed sign-ins");
        }
        boolean loopback = SignInAddresses.loopback(address);
        if (restrictions.orderedStream().anyMatch(r -> r.refuses(email, password, loopback))) {
            failed(email, address, account, "restricted");
            throw new BadCredentialsException("bad credentials");
        }
        try {
            Authentication signedIn = passwords.authenticate(authentication);
            limits.reset(properties.accountFailures(), email);
            account.ifPresent(found -> publishPerOrganization(found, "password"));
            return signedIn;
        } catch (BadCredentialsException e) {
            failed(email, address, account, "bad-credentials");
            throw e;
        }
    }

    private void failed(String email, String address, Optional<StaffAccount> account, String reason) {
        limits.take(properties.addressFailures(), address);
        Allowance taken = limits.take(properties.accountFailures(), email);
        publishFailure(account, reason);
        if (taken.allowed() && taken.remaining() == 0 && account.isPresent()) {
            lockNotice.locked(account.get(), properties.lockout());
        }
    }

    private void publishFailure(Optional<StaffAccount> account, String reason) {
        if (account.isEmpty()) {
            events.publishEvent(new AccountEvents.SignInFailed(null, null, reason));
            return;
        }
        List<OrganizationRoleGrant> roles = List.copyOf(account.get().roles());
        if (roles.isEmpty()) {
            events.publishEvent(new AccountEvents.SignInFailed(null, account.get().id(), reason));
        }
        roles.forEach(grant -> events.publishEvent(
                new AccountEvents.SignInFailed(grant.organizationId(), account.get().id(), reason)));
    }

    private void publishPerOrganization(StaffAccount account, String method) {
        if (account.roles().isEmpty()) {
            events.publishEvent(new AccountEvents.SignedIn(null, account.id(), method));
        }
        account.roles().forEach(grant -> events.publishEvent(
                new AccountEvents.SignedIn(grant.organizationId(), account.id(), method)));
    }

    private static String address(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        return "unknown";
    }

    /** A locked account or address is told so; every other failure is the same "wrong email or password". */
    static AuthenticationFailureHandler failureHandler() {
        return new ExceptionMappingAuthenticationFailureHandler() {
            {
                setDefaultFailureUrl("/login?error");
                setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
            }
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
