package io.firstpin.identity.internal;

import io.firstpin.identity.AccountEvents;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A new password signs the account out everywhere else: whoever had the old one (or a session left open on a shared
 * computer) is out at once, in every instance, since sessions are the database's. The session of the request that
 * changed it (its owner's on the account page) stays. Done before the change commits, so that a failure to end the
 * sessions leaves the old password in place rather than the sessions open.
 */
@Component
class PasswordChangeEndsSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final StaffAccountRepository accounts;

    PasswordChangeEndsSessions(FindByIndexNameSessionRepository<? extends Session> sessions,
            StaffAccountRepository accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AccountEvents.PasswordChanged changed) {
        accounts.findById(changed.accountId()).ifPresent(account -> {
            Optional<String> current = currentSessionId();
            // sessions are indexed by the principal's name, the account's email (StaffPrincipal.getUsername)
            sessions.findByPrincipalName(account.email()).keySet().stream()
                    .filter(id -> current.map(keep -> !keep.equals(id)).orElse(true))
                    .forEach(sessions::deleteById);
        });
    }

    private static Optional<String> currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return Optional.ofNullable(attributes.getRequest().getSession(false)).map(HttpSession::getId);
        }
        return Optional.empty();
    }
}
