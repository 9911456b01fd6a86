package io.firstpin.identity;

import io.firstpin.identity.internal.InvitationRepository;
import io.firstpin.identity.internal.StaffAccountRepository;
import io.firstpin.notification.Notifications;
import io.firstpin.notification.OutgoingEmail;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.LinkExpiredException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.PublicUrls;
import io.firstpin.platform.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations to an organization's staff. The admin learns nothing about the email invited: whether it has an account,
 * belongs to other organizations or was invited before, the answer and the email sent are the same. The invitee either
 * sets their own password on the link's page (no account yet), or signs in and accepts (an account exists): a role
 * reaches an account only when its owner says so.
 */
@Service
public class Invitations {

    private static final String SECRET_PREFIX = "inv_";

    private final InvitationRepository invitations;
    private final StaffAccountRepository accounts;
    private final StaffAccounts staff;
    private final PasswordEncoder passwords;
    private final Notifications notifications;
    private final PublicUrls urls;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Invitations(InvitationRepository invitations, StaffAccountRepository accounts, StaffAccounts staff,
            PasswordEncoder passwords, Notifications notifications, PublicUrls urls, ApplicationEventPublisher events,
            Clock clock) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.staff = staff;
        this.passwords = passwords;
        this.notifications = notifications;
        this.urls = urls;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Invites the email to the role and emails the link, replacing this organization's earlier open invitation of the
     * same email. Answers nothing about the email's state, on purpose.
     */
    @Transactional
    public void invite(long organizationId, String organizationName, String email, Role role, Long invitedBy,
            Locale locale) {
        Instant now = clock.instant();
        String normalized = StaffAccount.normalizeEmail(email);
        for (Invitation earlier : invitations.findByOrganizationIdAndEmail(organizationId, normalized)) {
            if (earlier.pending(now)) {
                earlier.withdraw(now);
                invitations.save(earlier);
            }
        }
        String secret = Secrets.newSecret(SECRET_PREFIX);
        Invitation invitation = invitations.save(Invitation.of(organizationId, organizationName, normalized, role,
                Secrets.hash(secret), invitedBy, now));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("organizationName", organizationName);
        model.put("role", role.name());
        model.put("link", urls.base() + "/invitations/" + secret);
        model.put("validHours", Invitation.VALID_FOR.toHours());
        notifications.send(new OutgoingEmail(organizationId, normalized, locale, "identity/invitation", model,
                "staff-invitation:" + invitation.id()));
        events.publishEvent(new AccountEvents.InvitationSent(organizationId, invitation.id(), role));
    }

    /** The organization's invitations not yet accepted, withdrawn or expired, newest first. */
    public List<Invitation> pending(long organizationId) {
        Instant now = clock.instant();
        return invitations.findByOrganizationIdOrderByCreatedAtDesc(organizationId).stream()
                .filter(invitation -> invitation.pending(now))
                .toList();
    }

    @Transactional
    public void withdraw(long organizationId, long invitationId) {
        Invitation invitation = invitations.findByOrganizationIdAndId(organizationId, invitationId)
                .filter(found -> found.pending(clock.instant()))
                .orElseThrow(() -> NotFoundException.of("invitation", invitationId));
        invitation.withdraw(clock.instant());
        invitations.save(invitation);
        events.publishEvent(new AccountEvents.InvitationWithdrawn(organizationId, invitationId));
    }

    /** What the link's page shows: the invitation, and whether its email has an account to sign in with. */
    public Opened open(String secret) {
        Invitation invitation = find(secret);
        return new Opened(invitation, accounts.existsByEmail(invitation.email()));
    }

    /**
     * The invitee of an email without an account sets their own password: the account is opened with the role and
     * the invitation used up, in one transaction.
     */
    @Transactional
    public StaffAccount acceptWithNewAccount(String secret, String displayName, String password) {
        Invitation invitation = find(secret);
        if (accounts.existsByEmail(invitation.email())) {
            throw new ConflictException("password", "invitation.account-exists");
        }
        PasswordPolicy.check("password", password, invitation.email());
        StaffAccount account;
        try {
            account = accounts.save(StaffAccount.open(invitation.email(), displayName, passwords.encode(password),
                    false, clock.instant()));
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("password", "invitation.account-exists");
        }
        return accept(invitation, account, true);
    }

    /** The signed-in owner of the invited email accepts; anyone else finds nothing here. */
    @Transactional
    public StaffAccount acceptAs(String secret, long accountId) {
        Invitation invitation = find(secret);
        StaffAccount account = accounts.findById(accountId)
                .filter(signedIn -> signedIn.email().equals(invitation.email()))
                .orElseThrow(() -> new NotFoundException("invitation was not found"));
        return accept(invitation, account, false);
    }

    private StaffAccount accept(Invitation invitation, StaffAccount account, boolean newAccount) {
        invitation.acceptBy(account.id(), clock.instant());
        invitations.save(invitation);
        staff.grantAccepted(account, invitation.organizationId(), invitation.role());
        events.publishEvent(new AccountEvents.InvitationAccepted(invitation.organizationId(), invitation.id(),
                account.id(), invitation.role(), newAccount));
        return account;
    }

    /** An unknown link is a 404; a used, withdrawn or expired one says so (410). */
    private Invitation find(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new NotFoundException("invitation was not found");
        }
        Invitation invitation = invitations.findByTokenHash(Secrets.hash(secret))
                .orElseThrow(() -> new NotFoundException("invitation was not found"));
        if (!invitation.pending(clock.instant())) {
            throw new LinkExpiredException();
        }
        return invitation;
    }

    public record Opened(Invitation invitation, boolean accountExists) {
    }
}
