package io.firstpin.identity;

import static io.firstpin.platform.db.Tables.ORGANIZATION_ROLE;
import static io.firstpin.platform.db.Tables.STAFF_ACCOUNT;

import io.firstpin.identity.internal.StaffAccountRepository;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens staff accounts and gives them roles in organizations. */
@Service
public class StaffAccounts {

    private final StaffAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final DSLContext db;
    private final Clock clock;
    private final CommunityTree tree;
    private final ApplicationEventPublisher events;

    StaffAccounts(StaffAccountRepository accounts, PasswordEncoder passwordEncoder, DSLContext db, Clock clock,
            CommunityTree tree, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.db = db;
        this.clock = clock;
        this.tree = tree;
        this.events = events;
    }

    @Transactional
    public StaffAccount open(String email, String displayName, String password, boolean instanceAdmin) {
        if (accounts.existsByEmail(StaffAccount.normalizeEmail(email))) {
            throw new ConflictException("email", "account.email.taken", email);
        }
        return accounts.save(StaffAccount.open(email, displayName, passwordEncoder.encode(password), instanceAdmin,
                clock.instant()));
    }

    /** Opens the account if it does not exist yet, then gives it the role in the organization. */
    @Transactional
    public StaffAccount openWithRole(String email, String displayName, String password, long organizationId, Role role) {
        StaffAccount account = accounts.findByEmail(StaffAccount.normalizeEmail(email))
                .orElseGet(() -> open(email, displayName, password, false));
        account.grant(organizationId, role);
        return accounts.save(account);
    }

    /**
     * Changes the role an account of the organization holds there, and where (null: the whole organization). The
     * organization keeps at least one admin for all of it.
     */
    @Transactional
    public void changeGrant(long organizationId, long accountId, Role role, Long communityId) {
        StaffAccount account = inOrganization(organizationId, accountId);
        OrganizationRoleGrant before = account.grantIn(organizationId).orElseThrow();
        if (communityId != null && tree.withBranches(organizationId, communityId).isEmpty()) {
            throw InvalidInputException.of("community", "grant.community.unknown");
        }
        if (before.role() == role && Objects.equals(before.communityId(), communityId)) {
            return;
        }
        boolean staysAdmin = role == Role.ORGANIZATION_ADMIN && communityId == null;
        if (before.role() == Role.ORGANIZATION_ADMIN && before.wholeOrganization() && !staysAdmin
                && wholeOrganizationAdmins(organizationId) <= 1) {
            throw new ConflictException("role", "grant.last-admin");
        }
        account.grant(organizationId, role, communityId);
        accounts.save(account);
        events.publishEvent(new RoleChanged(organizationId, accountId, role, communityId, before.role(),
                before.communityId()));
    }

    private int wholeOrganizationAdmins(long organizationId) {
        return db.fetchCount(ORGANIZATION_ROLE, ORGANIZATION_ROLE.ORGANIZATION_ID.eq(organizationId)
                .and(ORGANIZATION_ROLE.ROLE.eq(Role.ORGANIZATION_ADMIN.name()))
                .and(ORGANIZATION_ROLE.COMMUNITY_ID.isNull()));
    }

    @Transactional
    public void grant(long accountId, long organizationId, Role role) {
        StaffAccount account = accounts.findById(accountId).orElseThrow(() -> NotFoundException.of("account", accountId));
        account.grant(organizationId, role);
        accounts.save(account);
    }

    /** Removes the account's access to the organization; the account itself stays. */
    @Transactional
    public void revoke(long accountId, long organizationId) {
        StaffAccount account = inOrganization(organizationId, accountId);
        account.revoke(organizationId);
        accounts.save(account);
    }

    @Transactional
    public void ensureInstanceAdmin(String email, String password) {
        String normalized = StaffAccount.normalizeEmail(email);
        if (!accounts.existsByEmail(normalized)) {
            open(normalized, normalized, password, true);
        }
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
