package io.firstpin.identity.internal;

import io.firstpin.identity.AccountEvents;
import io.firstpin.identity.StaffAccount;
import io.firstpin.identity.TwoFactor;
import io.firstpin.platform.limits.Allowance;
import io.firstpin.platform.limits.RateLimits;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Checks the code of the second step. Wrong codes count against the same per-account bucket as wrong passwords, so
 * six digits cannot be guessed either; a locked account's owner is emailed as after wrong passwords.
 */
@Component
public class SecondFactorSignIn {

    public enum Outcome { SIGNED_IN, WRONG_CODE, LOCKED }

    private final TwoFactor twoFactor;
    private final StaffAccountRepository accounts;
    private final RateLimits limits;
    private final SignInProperties properties;
    private final LockNotice lockNotice;
    private final ApplicationEventPublisher events;

    SecondFactorSignIn(TwoFactor twoFactor, StaffAccountRepository accounts, RateLimits limits,
            SignInProperties properties, LockNotice lockNotice, ApplicationEventPublisher events) {
        this.twoFactor = twoFactor;
        this.accounts = accounts;
        this.limits = limits;
        this.properties = properties;
        this.lockNotice = lockNotice;
        this.events = events;
    }

    public boolean pending(HttpSession session) {
        return session != null && session.getAttribute(SecondFactorGate.CODE_PENDING) != null;
    }

    public Outcome check(HttpSession session, String code) {
        long accountId = SecondFactorGate.currentAccountId();
        StaffAccount account = accounts.findById(accountId).orElseThrow();
        if (!limits.check(properties.accountFailures(), account.email()).allowed()) {
            return Outcome.LOCKED;
        }
        if (!twoFactor.verify(accountId, code)) {
            Allowance taken = limits.take(properties.accountFailures(), account.email());
            account.roles().forEach(grant -> events.publishEvent(
                    new AccountEvents.SignInFailed(grant.organizationId(), accountId, "wrong-code")));
            if (taken.allowed() && taken.remaining() == 0) {
                lockNotice.locked(account, properties.lockout());
            }
            return taken.allowed() ? Outcome.WRONG_CODE : Outcome.LOCKED;
        }
        limits.reset(properties.accountFailures(), account.email());
        session.removeAttribute(SecondFactorGate.CODE_PENDING);
        account.roles().forEach(grant -> events.publishEvent(
                new AccountEvents.SignedIn(grant.organizationId(), accountId, "totp")));
        return Outcome.SIGNED_IN;
    }

    /** Once an authenticator is set up, the session that had to set one up may go on. */
    public void enrolled(HttpSession session) {
        if (session != null) {
            session.removeAttribute(SecondFactorGate.ENROLMENT_REQUIRED);
        }
    }
}
