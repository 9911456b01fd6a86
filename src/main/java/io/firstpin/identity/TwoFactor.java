package io.firstpin.identity;

import static io.firstpin.platform.db.Tables.ORGANIZATION_ROLE;
import static io.firstpin.platform.db.Tables.STAFF_TOTP;
import static io.firstpin.platform.db.Tables.TWO_FACTOR_POLICY;

import io.firstpin.identity.internal.SecretBox;
import io.firstpin.identity.internal.StaffAccountRepository;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor of a staff account (a TOTP authenticator app) and the organizations that require one of their
 * admins. A code is accepted once: the step it belongs to is remembered.
 */
@Service
public class TwoFactor {

    private final DSLContext db;
    private final StaffAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecretBox box;

    TwoFactor(DSLContext db, StaffAccountRepository accounts, PasswordEncoder encoder, ApplicationEventPublisher events,
            Clock clock, SecretBox box) {
        this.box = box;
        this.db = db;
        this.accounts = accounts;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
    }

    public boolean enabled(long accountId) {
        return db.fetchExists(STAFF_TOTP, STAFF_TOTP.ACCOUNT_ID.eq(accountId).and(STAFF_TOTP.CONFIRMED_AT.isNotNull()));
    }

    /** Whether an organization where the account is admin asks its admins for a second factor. */
    public boolean requiredFor(long accountId) {
        return db.fetchExists(db.selectOne().from(ORGANIZATION_ROLE).join(TWO_FACTOR_POLICY)
                .on(TWO_FACTOR_POLICY.ORGANIZATION_ID.eq(ORGANIZATION_ROLE.ORGANIZATION_ID))
                .where(ORGANIZATION_ROLE.ACCOUNT_ID.eq(accountId))
                .and(ORGANIZATION_ROLE.ROLE.eq(Role.ORGANIZATION_ADMIN.name()))
                .and(TWO_FACTOR_POLICY.REQUIRE_FOR_ADMINS.isTrue()));
    }

    /** A new secret for the account's authenticator, not in force until a code from it is confirmed. */
    @Transactional
    public Enrollment start(long accountId) {
        StaffAccount account = accounts.findById(accountId).orElseThrow(() -> NotFoundException.of("account", accountId));
        if (enabled(accountId)) {
            throw new ConflictException("code", "two-factor.already-enabled");
        }
        String secret = Totp.newSecret();
        db.deleteFrom(STAFF_TOTP).where(STAFF_TOTP.ACCOUNT_ID.eq(accountId)).execute();
        db.insertInto(STAFF_TOTP).set(STAFF_TOTP.ACCOUNT_ID, accountId).set(STAFF_TOTP.SECRET, box.seal(secret, context(accountId)))
                .set(STAFF_TOTP.CREATED_AT, now()).execute();
        return new Enrollment(secret, Totp.uri("Firstpin", account.email(), secret));
    }

    /** A code from the app proves it holds the secret; from now on sign-in asks for one. */
    @Transactional
    public void confirm(long accountId, String code) {
        Record totp = db.selectFrom(STAFF_TOTP).where(STAFF_TOTP.ACCOUNT_ID.eq(accountId))
                .and(STAFF_TOTP.CONFIRMED_AT.isNull()).forUpdate().fetchOptional()
                .orElseThrow(() -> new ConflictException("code", "two-factor.not-started"));
        OptionalLong step = Totp.matchingStep(secretOf(totp), code, clock.instant());
        if (step.isEmpty()) {
            throw InvalidInputException.of("code", "two-factor.code-wrong");
        }
        db.update(STAFF_TOTP).set(STAFF_TOTP.CONFIRMED_AT, now()).set(STAFF_TOTP.LAST_USED_STEP, step.getAsLong())
                .where(STAFF_TOTP.ACCOUNT_ID.eq(accountId)).execute();
        publish(accountId, "totp.enabled");
    }

    /** Checks a code at sign-in; each code works once. */
    @Transactional
    public boolean verify(long accountId, String code) {
        Record totp = db.selectFrom(STAFF_TOTP).where(STAFF_TOTP.ACCOUNT_ID.eq(accountId))
                .and(STAFF_TOTP.CONFIRMED_AT.isNotNull()).forUpdate().fetchOptional().orElse(null);
        if (totp == null) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(secretOf(totp), code, clock.instant());
        Long lastUsed = totp.get(STAFF_TOTP.LAST_USED_STEP);
        if (step.isEmpty() || (lastUsed != null && step.getAsLong() <= lastUsed)) {
            return false;
        }
        db.update(STAFF_TOTP).set(STAFF_TOTP.LAST_USED_STEP, step.getAsLong())
                .where(STAFF_TOTP.ACCOUNT_ID.eq(accountId)).execute();
        return true;
    }

    /** The owner turns it off with their password; not while an organization requires it of them. */
    @Transactional
    public void disable(long accountId, String password) {
        StaffAccount account = accounts.findById(accountId).orElseThrow(() -> NotFoundException.of("account", accountId));
        if (password == null || !encoder.matches(password, account.passwordHash())) {
            throw InvalidInputException.of("currentPassword", "password.current-wrong");
        }
        if (requiredFor(accountId)) {
            throw new ConflictException("currentPassword", "two-factor.required");
        }
        if (db.deleteFrom(STAFF_TOTP).where(STAFF_TOTP.ACCOUNT_ID.eq(accountId)).execute() > 0) {
            publish(accountId, "totp.disabled");
        }
    }

    /** What a TOTP secret is sealed for: its account, so that it cannot be copied onto another account's row. */
    public static String context(long accountId) {
        return "staff_totp:" + accountId;
    }

    private String secretOf(Record totp) {
        return box.open(totp.get(STAFF_TOTP.SECRET), context(totp.get(STAFF_TOTP.ACCOUNT_ID)));
    }

    public boolean requiredForAdminsOf(long organizationId) {
        return db.fetchExists(TWO_FACTOR_POLICY, TWO_FACTOR_POLICY.ORGANIZATION_ID.eq(organizationId)
                .and(TWO_FACTOR_POLICY.REQUIRE_FOR_ADMINS.isTrue()));
    }

    /** The organization's setting; admins without a second factor set one up at their next sign-in. */
    @Transactional
    public void requireForAdmins(long organizationId, boolean required, long actingAccountId) {
        db.deleteFrom(TWO_FACTOR_POLICY).where(TWO_FACTOR_POLICY.ORGANIZATION_ID.eq(organizationId)).execute();
        db.insertInto(TWO_FACTOR_POLICY).set(TWO_FACTOR_POLICY.ORGANIZATION_ID, organizationId)
                .set(TWO_FACTOR_POLICY.REQUIRE_FOR_ADMINS, required).execute();
        events.publishEvent(new AccountEvents.TwoFactorChanged(organizationId, actingAccountId,
                required ? "required" : "not-required"));
    }

    private void publish(long accountId, String what) {
        StaffAccount account = accounts.findById(accountId).orElseThrow();
        if (account.roles().isEmpty()) {
            events.publishEvent(new AccountEvents.TwoFactorChanged(null, accountId, what));
        }
        account.roles().forEach(grant -> events.publishEvent(
                new AccountEvents.TwoFactorChanged(grant.organizationId(), accountId, what)));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    /** What the account page shows once: the secret to type into the app and the address a QR code would carry. */
    public record Enrollment(String secret, String uri) {
    }
}
