package io.firstpin.identity;

import static io.firstpin.platform.db.Tables.ORGANIZATION_ROLE;
import static io.firstpin.platform.db.Tables.STAFF_ACCOUNT;

import io.firstpin.identity.internal.StaffAccountRepository;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts and their roles in organizations: changing and removing roles, the instance administrator. */
@Service
public class StaffAccounts {

    private final StaffAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final DSLContext db;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    StaffAccounts(StaffAccountRepository accounts, PasswordEncoder passwordEncoder, DSLContext db, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.db = db;
        this.clock = clock;
    }

    @Transactional
    public StaffAccount open(String email, String displayName, String password, boolean instanceAdmin) {
        if (accounts.existsByEmail(StaffAccount.normalizeEmail(email))) {
            throw new ConflictException("email", "account.email.taken", email);
        }
        PasswordPolicy.check("password", password, email);
        return accounts.save(StaffAccount.open(email, displayName, passwordEncoder.encode(password), instanceAdmin,
                clock.instant()));
    }

    /**
     * Opens a new account with its role, for seeding only (the demo organization, tests): people get their accounts
     * through {@link Invitations}. An existing account is refused, never given a role silently (one that already holds
     * exactly this role here is answered as it is).
     */
    @Transactional
    public StaffAccount openWithRole(String email, String displayName, String password, long organizationId, Role role) {
        Optional<StaffAccount> seeded = accounts.findByEmail(StaffAccount.normalizeEmail(email))
                .filter(existing -> existing.roleIn(organizationId).filter(role::equals).isPresent());
        if (seeded.isPresent()) {
            // seeded before with this very role: nothing new is granted and the password is left alone
            return seeded.get();
        }
        StaffAccount account = open(email, displayName, password, false);
        account.grant(organizationId, role);
        return accounts.save(account);
    }

    /**
     * Gives the account another role in the organization. An organization always keeps an admin, and an admin who
     * takes their own admin role away must say so ({@code confirmedForSelf}).
     */
    @Transactional
    public void changeRole(long organizationId, long accountId, Role role, long actingAccountId,
            boolean confirmedForSelf) {
        StaffAccount account = inOrganization(organizationId, accountId);
        Role before = account.roleIn(organizationId).orElseThrow();
        if (before == role) {
            return;
        }
        if (before == Role.ORGANIZATION_ADMIN) {
            guardAdminLeaving(organizationId, accountId, actingAccountId, confirmedForSelf);
        }
        account.grant(organizationId, role);
        accounts.save(account);
        events.publishEvent(new AccountEvents.RoleChanged(organizationId, accountId, before, role));
    }

    /** Removes the account's access to the organization; the account itself stays. The same guards as a role change. */
    @Transactional
    public void revoke(long accountId, long organizationId, long actingAccountId, boolean confirmedForSelf) {
        StaffAccount account = inOrganization(organizationId, accountId);
        Role before = account.roleIn(organizationId).orElseThrow();
        if (before == Role.ORGANIZATION_ADMIN) {
            guardAdminLeaving(organizationId, accountId, actingAccountId, confirmedForSelf);
        }
        account.revoke(organizationId);
        accounts.save(account);
        events.publishEvent(new AccountEvents.RoleChanged(organizationId, accountId, before, null));
    }

    /** Gives an accepted invitation's role; called by {@link Invitations} only. */
    void grantAccepted(StaffAccount account, long organizationId, Role role) {
        Role before = account.roleIn(organizationId).orElse(null);
        if (before == Role.ORGANIZATION_ADMIN && role != Role.ORGANIZATION_ADMIN) {
            guardAdminLeaving(organizationId, account.id(), account.id(), true);
        }
        account.grant(organizationId, role);
        accounts.save(account);
        if (before != role) {
            events.publishEvent(new AccountEvents.RoleChanged(organizationId, account.id(), before, role));
        }
    }

    /**
     * The admin rows of the organization are locked first, so that two admins removing each other at the same time
     * are decided one after the other and the second one finds the last admin.
     */
    private void guardAdminLeaving(long organizationId, long accountId, long actingAccountId, boolean confirmedForSelf) {
        List<Long> admins = db.select(ORGANIZATION_ROLE.ACCOUNT_ID)
                .from(ORGANIZATION_ROLE)
                .where(ORGANIZATION_ROLE.ORGANIZATION_ID.eq(organizationId))
                .and(ORGANIZATION_ROLE.ROLE.eq(Role.ORGANIZATION_ADMIN.name()))
                .orderBy(ORGANIZATION_ROLE.ACCOUNT_ID)
                .forUpdate()
                .fetch(ORGANIZATION_ROLE.ACCOUNT_ID);
        if (admins.stream().noneMatch(id -> id != accountId)) {
            throw new ConflictException("role", "account.last-admin");
        }
        if (accountId == actingAccountId && !confirmedForSelf) {
            throw new ConflictException("role", "account.own-admin-needs-confirmation");
        }
    }

    /**
     * Makes sure the configured instance administrator exists (FIRSTPIN_ADMIN_EMAIL). An existing account with the
     * email is used only if it is an instance administrator already: an ordinary account is never made one silently.
     *
     * @throws IllegalStateException when the email belongs to an account that is not an instance administrator, or
     *         the password of a new account breaks the password rules
     */
    @Transactional
    public void ensureInstanceAdmin(String email, String password) {
        String normalized = StaffAccount.normalizeEmail(email);
        Optional<StaffAccount> existing = accounts.findByEmail(normalized);
        if (existing.isPresent()) {
            if (!existing.get().instanceAdmin()) {
                throw new IllegalStateException("FIRSTPIN_ADMIN_EMAIL names an existing account that is not an "
                        + "instance administrator; it is not made one silently. Use another email, or make that "
                        + "account an instance administrator in the database first.");
            }
            return;
        }
        if (!PasswordPolicy.acceptable(password, normalized)) {
            throw new IllegalStateException("FIRSTPIN_ADMIN_PASSWORD must be at least " + PasswordPolicy.MIN_LENGTH
                    + " characters, at most " + PasswordPolicy.MAX_BYTES + " bytes, and not a common password");
        }
        open(normalized, normalized, password, true);
    }

    /**
     * Replaces a seeded password (the demo's) with another, if the account still has it; answers whether it did. For
     * seeded accounts only: the owner's own choice is never replaced this way.
     */
    @Transactional
    public boolean replaceSeededPassword(String email, String seeded, String replacement) {
        Optional<StaffAccount> account = accounts.findByEmail(StaffAccount.normalizeEmail(email))
                .filter(found -> passwordEncoder.matches(seeded, found.passwordHash()));
        account.ifPresent(found -> {
            found.changePassword(passwordEncoder.encode(replacement));
            accounts.save(found);
        });
        return account.isPresent();
    }

    public Optional<StaffAccount> findByEmail(String email) {
        return accounts.findByEmail(StaffAccount.normalizeEmail(email));
    }

    public StaffAccount inOrganization(long organizationId, long accountId) {
        return accounts.findById(accountId)
                .filter(account -> account.roleIn(organizationId).isPresent())
                .orElseThrow(() -> NotFoundException.of("account", accountId));
    }

    public List<StaffAccount> listInOrganization(long organizationId) {
        List<Long> ids = db.select(ORGANIZATION_ROLE.ACCOUNT_ID)
                .from(ORGANIZATION_ROLE)
                .join(STAFF_ACCOUNT).on(STAFF_ACCOUNT.ID.eq(ORGANIZATION_ROLE.ACCOUNT_ID))
                .where(ORGANIZATION_ROLE.ORGANIZATION_ID.eq(organizationId))
                .orderBy(STAFF_ACCOUNT.DISPLAY_NAME)
                .fetch(ORGANIZATION_ROLE.ACCOUNT_ID);
        return accounts.findAllById(ids).stream()
                .sorted((a, b) -> a.displayName().compareToIgnoreCase(b.displayName()))
                .toList();
    }
}
