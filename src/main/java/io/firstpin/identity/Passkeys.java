package io.firstpin.identity;

import static io.firstpin.platform.db.Tables.STAFF_PASSKEY;
import static io.firstpin.platform.db.Tables.STAFF_TOTP;

import io.firstpin.identity.internal.StaffAccountRepository;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.NotFoundException;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The passkeys (WebAuthn credentials) of staff accounts as their owners see them. A passkey is added through Spring
 * Security's registration ceremony; here it is listed and removed. A passkey counts as a second factor: it proves the
 * device and, with user verification, the person.
 */
@Service
public class Passkeys {

    private final DSLContext db;
    private final StaffAccountRepository accounts;
    private final TwoFactor twoFactor;
    private final ApplicationEventPublisher events;

    Passkeys(DSLContext db, StaffAccountRepository accounts, TwoFactor twoFactor, ApplicationEventPublisher events) {
        this.db = db;
        this.accounts = accounts;
        this.twoFactor = twoFactor;
        this.events = events;
    }

    public List<Passkey> of(long accountId) {
        return db.select(STAFF_PASSKEY.CREDENTIAL_ID, STAFF_PASSKEY.LABEL, STAFF_PASSKEY.CREATED_AT,
                        STAFF_PASSKEY.LAST_USED_AT)
                .from(STAFF_PASSKEY).where(STAFF_PASSKEY.ACCOUNT_ID.eq(accountId))
                .orderBy(STAFF_PASSKEY.CREATED_AT, STAFF_PASSKEY.CREDENTIAL_ID)
                .fetch(r -> new Passkey(r.value1(), r.value2(), r.value3().toInstant(), r.value4().toInstant()));
    }

    public boolean any(long accountId) {
        return db.fetchExists(STAFF_PASSKEY, STAFF_PASSKEY.ACCOUNT_ID.eq(accountId));
    }

    /** Whether the account has a second factor of any kind: an authenticator app or a passkey. */
    public boolean secondFactor(long accountId) {
        return any(accountId) || twoFactor.enabled(accountId);
    }

    /**
     * Removes one of the account's own passkeys; another account's answers as not found. The last second factor of an
     * admin whose organization requires one stays.
     */
    @Transactional
    public void remove(long accountId, String credentialId) {
        if (!db.fetchExists(STAFF_PASSKEY, STAFF_PASSKEY.CREDENTIAL_ID.eq(credentialId)
                .and(STAFF_PASSKEY.ACCOUNT_ID.eq(accountId)))) {
            throw NotFoundException.of("passkey", credentialId);
        }
        boolean last = db.fetchCount(STAFF_PASSKEY, STAFF_PASSKEY.ACCOUNT_ID.eq(accountId)) == 1
                && !db.fetchExists(STAFF_TOTP, STAFF_TOTP.ACCOUNT_ID.eq(accountId)
                        .and(STAFF_TOTP.CONFIRMED_AT.isNotNull()));
        if (last && twoFactor.requiredFor(accountId)) {
            throw new ConflictException("passkey", "passkey.last-required");
        }
        db.deleteFrom(STAFF_PASSKEY).where(STAFF_PASSKEY.CREDENTIAL_ID.eq(credentialId)).execute();
        published(accountId, "passkey.removed");
    }

    /** Tells the audit log of each of the account's organizations; the passkey itself is named by nothing. */
    public void published(long accountId, String what) {
        StaffAccount account = accounts.findById(accountId).orElseThrow();
        if (account.roles().isEmpty()) {
            events.publishEvent(new AccountEvents.TwoFactorChanged(null, accountId, what));
        }
        account.roles().forEach(grant -> events.publishEvent(
                new AccountEvents.TwoFactorChanged(grant.organizationId(), accountId, what)));
    }

    /** A passkey as the account page lists it. */
    public record Passkey(String id, String label, Instant createdAt, Instant lastUsedAt) {
    }
}
