package io.firstpin.identity.internal;

import static io.firstpin.platform.db.Tables.STAFF_PASSKEY;
import static io.firstpin.platform.db.Tables.STAFF_PASSKEY_USER;

import io.firstpin.identity.Passkeys;
import io.firstpin.platform.passkey.StoredPasskey;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spring Security's WebAuthn credentials, on {@code staff_passkey}. A new credential is added to the account its user
 * handle belongs to; saving a known one (after each sign-in) updates only its counter and last use.
 */
@Component
public class StaffPasskeyCredentials implements UserCredentialRepository {

    private final DSLContext db;
    private final StaffPasskeyUsers users;
    private final Passkeys passkeys;
    private final Clock clock;

    StaffPasskeyCredentials(DSLContext db, StaffPasskeyUsers users, Passkeys passkeys, Clock clock) {
        this.db = db;
        this.users = users;
        this.passkeys = passkeys;
        this.clock = clock;
    }

    @Override
    public void delete(Bytes credentialId) {
        db.deleteFrom(STAFF_PASSKEY).where(STAFF_PASSKEY.CREDENTIAL_ID.eq(credentialId.toBase64UrlString())).execute();
    }

    @Override
    @Transactional
    public void save(CredentialRecord record) {
        String id = record.getCredentialId().toBase64UrlString();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        int updated = db.update(STAFF_PASSKEY).set(STAFF_PASSKEY.SIGNATURE_COUNT, record.getSignatureCount())
                .set(STAFF_PASSKEY.BACKUP_STATE, record.isBackupState()).set(STAFF_PASSKEY.LAST_USED_AT, now)
                .where(STAFF_PASSKEY.CREDENTIAL_ID.eq(id)).execute();
        if (updated > 0) {
            return;
        }
        long accountId = users.accountOf(record.getUserEntityUserId());
        if (accountId == 0) {
            throw new IllegalArgumentException("no staff account for this passkey");
        }
        StoredPasskey row = StoredPasskey.of(record, clock.instant());
        db.insertInto(STAFF_PASSKEY).set(STAFF_PASSKEY.CREDENTIAL_ID, id).set(STAFF_PASSKEY.ACCOUNT_ID, accountId)
                .set(STAFF_PASSKEY.LABEL, row.label())
                .set(STAFF_PASSKEY.CREDENTIAL_TYPE, row.credentialType())
                .set(STAFF_PASSKEY.PUBLIC_KEY, row.publicKey())
                .set(STAFF_PASSKEY.SIGNATURE_COUNT, row.signatureCount())
                .set(STAFF_PASSKEY.UV_INITIALIZED, row.uvInitialized())
                .set(STAFF_PASSKEY.BACKUP_ELIGIBLE, row.backupEligible())
                .set(STAFF_PASSKEY.BACKUP_STATE, row.backupState())
                .set(STAFF_PASSKEY.TRANSPORTS, row.transports())
                .set(STAFF_PASSKEY.ATTESTATION_OBJECT, row.attestationObject())
                .set(STAFF_PASSKEY.CLIENT_DATA_JSON, row.clientDataJson())
                .set(STAFF_PASSKEY.CREATED_AT, now).set(STAFF_PASSKEY.LAST_USED_AT, now).execute();
        passkeys.published(accountId, "passkey.added");
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return db.selectFrom(STAFF_PASSKEY).where(STAFF_PASSKEY.CREDENTIAL_ID.eq(credentialId.toBase64UrlString()))
                .fetchOptional(this::record).orElse(null);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        long accountId = users.accountOf(userId);
        return db.selectFrom(STAFF_PASSKEY).where(STAFF_PASSKEY.ACCOUNT_ID.eq(accountId)).fetch(this::record);
    }

    private CredentialRecord record(Record row) {
        Bytes handle = db.select(STAFF_PASSKEY_USER.USER_HANDLE)
                .from(STAFF_PASSKEY_USER)
                .where(STAFF_PASSKEY_USER.ACCOUNT_ID.eq(row.get(STAFF_PASSKEY.ACCOUNT_ID)))
                .fetchOptional(r -> Bytes.fromBase64(r.value1())).orElseThrow();
        return new StoredPasskey(row.get(STAFF_PASSKEY.CREDENTIAL_ID), row.get(STAFF_PASSKEY.LABEL),
                row.get(STAFF_PASSKEY.CREDENTIAL_TYPE), row.get(STAFF_PASSKEY.PUBLIC_KEY),
                row.get(STAFF_PASSKEY.SIGNATURE_COUNT), row.get(STAFF_PASSKEY.UV_INITIALIZED),
                row.get(STAFF_PASSKEY.BACKUP_ELIGIBLE), row.get(STAFF_PASSKEY.BACKUP_STATE),
                row.get(STAFF_PASSKEY.TRANSPORTS), row.get(STAFF_PASSKEY.ATTESTATION_OBJECT),
                row.get(STAFF_PASSKEY.CLIENT_DATA_JSON), row.get(STAFF_PASSKEY.CREATED_AT).toInstant(),
                row.get(STAFF_PASSKEY.LAST_USED_AT).toInstant()).toCredentialRecord(handle);
    }
}
