package io.firstpin.identity;

import static io.firstpin.platform.db.Tables.PASSWORD_RESET;

import io.firstpin.identity.internal.StaffAccountRepository;
import io.firstpin.notification.Notifications;
import io.firstpin.notification.OutgoingEmail;
import io.firstpin.platform.ForbiddenException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.LinkExpiredException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.PublicUrls;
import io.firstpin.platform.Secrets;
import io.firstpin.platform.limits.Limit;
import io.firstpin.platform.limits.RateLimits;
import io.firstpin.platform.limits.TooManyRequests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff account's password over its life: changed by its owner (who must know the current one), reset through a
 * single-use link emailed to the account ("forgot password", or forced by an admin, which also makes the old password
 * useless at once). Nobody but the owner ever chooses it.
 */
@Service
public class Passwords {

    public static final Duration RESET_VALID_FOR = Duration.ofMinutes(30);
    /** Reset emails per address typed: enough for a person, too few to flood someone's mailbox. */
    static final Limit RESETS_PER_EMAIL = new Limit("password-reset-email", 3, 3, Duration.ofHours(1));

    private static final String SECRET_PREFIX = "pwr_";

    private final StaffAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final Notifications notifications;
    private final PublicUrls urls;
    private final RateLimits limits;
    private final DSLContext db;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Passwords(StaffAccountRepository accounts, PasswordEncoder encoder, Notifications notifications, PublicUrls urls,
            RateLimits limits, DSLContext db, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.notifications = notifications;
        this.urls = urls;
        this.limits = limits;
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    /** The owner changes their password; the current one is required, so a session left open is not enough. */
    @Transactional
    public void change(long accountId, String currentPassword, String newPassword) {
        StaffAccount account = accounts.findById(accountId).orElseThrow(() -> NotFoundException.of("account", accountId));
        if (currentPassword == null || !encoder.matches(currentPassword, account.passwordHash())) {
            throw InvalidInputException.of("currentPassword", "password.current-wrong");
        }
        PasswordPolicy.check("newPassword", newPassword, account.email());
        setPassword(account, newPassword, "changed");
    }

    /**
     * Emails a reset link if an account has this email; does the same nothing otherwise, so that the answer never
     * tells whether an account exists. Limited per email typed (the page is limited per address as well).
     */
    @Transactional
    public void requestReset(String email, Locale locale) {
        String normalized = StaffAccount.normalizeEmail(email == null ? "" : email);
        TooManyRequests.unlessAllowed(limits.take(RESETS_PER_EMAIL, normalized));
        accounts.findByEmail(normalized).ifPresent(account -> sendLink(account, locale, "identity/password-reset"));
    }

    /**
     * An organization admin forces a reset of a staff member's account: the password stops working now and the owner
     * gets a link to choose a new one. An instance administrator's account is left to instance administrators.
     */
    @Transactional
    public void forceReset(long organizationId, long accountId, boolean actorIsInstanceAdmin, Locale locale) {
        StaffAccount account = accounts.findById(accountId)
                .filter(found -> found.roleIn(organizationId).isPresent())
                .orElseThrow(() -> NotFoundException.of("account", accountId));
        if (account.instanceAdmin() && !actorIsInstanceAdmin) {
            throw new ForbiddenException("Only an instance administrator may reset an instance administrator.");
        }
        account.changePassword(encoder.encode(Secrets.newSecret("")));
        accounts.save(account);
        sendLink(account, locale, "identity/password-reset-forced");
        events.publishEvent(new AccountEvents.PasswordChanged(organizationId, account.id(), "reset-forced"));
    }

    /** Whether the link can still be used, for its page; a used, expired or unknown link answers 410 or 404. */
    public void checkLink(String secret) {
        findOpenReset(secret);
    }

    /** Sets the new password through the emailed link, which is then used up along with every other open one. */
    @Transactional
    public void reset(String secret, String newPassword) {
        Record reset = findOpenReset(secret);
        long accountId = reset.get(PASSWORD_RESET.ACCOUNT_ID);
        StaffAccount account = accounts.findById(accountId).orElseThrow(() -> NotFoundException.of("account", accountId));
        PasswordPolicy.check("newPassword", newPassword, account.email());
        int used = db.update(PASSWORD_RESET).set(PASSWORD_RESET.USED_AT, now())
                .where(PASSWORD_RESET.ACCOUNT_ID.eq(accountId)).and(PASSWORD_RESET.USED_AT.isNull())
                .and(PASSWORD_RESET.ID.eq(reset.get(PASSWORD_RESET.ID)))
                .execute();
        if (used == 0) {
            // a concurrent use of the same link won
            throw new LinkExpiredException();
        }
        db.update(PASSWORD_RESET).set(PASSWORD_RESET.USED_AT, now())
                .where(PASSWORD_RESET.ACCOUNT_ID.eq(accountId)).and(PASSWORD_RESET.USED_AT.isNull())
                .execute();
        setPassword(account, newPassword, "reset");
    }

    private void setPassword(StaffAccount account, String newPassword, String how) {
        account.changePassword(encoder.encode(newPassword));
        accounts.save(account);
        publishPerOrganization(account, how);
    }

    private void publishPerOrganization(StaffAccount account, String how) {
        if (account.roles().isEmpty()) {
            events.publishEvent(new AccountEvents.PasswordChanged(null, account.id(), how));
        }
        account.roles().forEach(grant -> events.publishEvent(
                new AccountEvents.PasswordChanged(grant.organizationId(), account.id(), how)));
    }

    private void sendLink(StaffAccount account, Locale locale, String template) {
        String secret = Secrets.newSecret(SECRET_PREFIX);
        Instant now = clock.instant();
        long id = db.insertInto(PASSWORD_RESET)
                .set(PASSWORD_RESET.ACCOUNT_ID, account.id())
                .set(PASSWORD_RESET.TOKEN_HASH, Secrets.hash(secret))
                .set(PASSWORD_RESET.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .set(PASSWORD_RESET.EXPIRES_AT, now.plus(RESET_VALID_FOR).atOffset(ZoneOffset.UTC))
                .returning(PASSWORD_RESET.ID)
                .fetchOne(PASSWORD_RESET.ID);
        notifications.send(new OutgoingEmail(null, account.email(), locale, template,
                Map.of("link", urls.base() + "/password-reset/" + secret, "validMinutes", RESET_VALID_FOR.toMinutes()),
                "password-reset:" + id));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private Record findOpenReset(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new NotFoundException("link was not found");
        }
        Record reset = Optional.ofNullable(db.selectFrom(PASSWORD_RESET)
                        .where(PASSWORD_RESET.TOKEN_HASH.eq(Secrets.hash(secret))).fetchOne())
                .orElseThrow(() -> new NotFoundException("link was not found"));
        if (reset.get(PASSWORD_RESET.USED_AT) != null || !clock.instant().isBefore(reset.get(PASSWORD_RESET.EXPIRES_AT).toInstant())) {
            throw new LinkExpiredException();
        }
        return reset;
    }
}
