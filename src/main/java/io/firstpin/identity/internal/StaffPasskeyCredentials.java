package io.firstpin.identity.internal;

import static io.firstpin.platform.db.Tables.STAFF_PASSKEY;
import static io.firstpin.platform.db.Tables.STAFF_PASSKEY_USER;

import io.firstpin.identity.Passkeys;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spring Security's WebAuthn credentials, on {@code staff_passkey}. A new credential is added to the account its user
 * handle belongs to; saving a known one (after each sign-in) updates only its counter and last use.
 */
@Component
public class StaffPasskeyCredentials implements UserCredentialRepository {

    static final int LABEL_LENGTH = 100;

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
        String label = record.getLabel() == null || record.getLabel().isBlank() ? "passkey" : record.getLabel().strip();
        db.insertInto(STAFF_PASSKEY).set(STAFF_PASSKEY.CREDENTIAL_ID, id).set(STAFF_PASSKEY.ACCOUNT_ID, accountId)
                .set(STAFF_PASSKEY.LABEL, label.length() > LABEL_LENGTH ? label.substring(0, LABEL_LENGTH) : label)
                .set(STAFF_PASSKEY.CREDENTIAL_TYPE, record.getCredentialType() == null
                        ? PublicKeyCredentialType.PUBLIC_KEY.getValue() : record.getCredentialType().getValue())
                .set(STAFF_PASSKEY.PUBLIC_KEY, base64Url(record.getPublicKey().getBytes()))
                .set(STAFF_PASSKEY.SIGNATURE_COUNT, record.getSignatureCount())
                .set(STAFF_PASSKEY.UV_INITIALIZED, record.isUvInitialized())
                .set(STAFF_PASSKEY.BACKUP_ELIGIBLE, record.isBackupEligible())
                .set(STAFF_PASSKEY.BACKUP_STATE, record.isBackupState())
                .set(STAFF_PASSKEY.TRANSPORTS, record.getTransports().stream().map(AuthenticatorTransport::getValue)
                        .collect(Collectors.joining(",")))
                .set(STAFF_PASSKEY.ATTESTATION_OBJECT, text(record.getAttestationObject()))
                .set(STAFF_PASSKEY.CLIENT_DATA_JSON, text(record.getAttestationClientDataJSON()))
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
        Set<AuthenticatorTransport> transports = Arrays.stream(row.get(STAFF_PASSKEY.TRANSPORTS).split(","))
                .filter(t -> !t.isBlank()).map(AuthenticatorTransport::valueOf).collect(Collectors.toSet());
        Bytes handle = db.select(STAFF_PASSKEY_USER.USER_HANDLE)
                .from(STAFF_PASSKEY_USER)
                .where(STAFF_PASSKEY_USER.ACCOUNT_ID.eq(row.get(STAFF_PASSKEY.ACCOUNT_ID)))
                .fetchOptional(r -> Bytes.fromBase64(r.value1())).orElseThrow();
        return ImmutableCredentialRecord.builder()
                .credentialId(Bytes.fromBase64(row.get(STAFF_PASSKEY.CREDENTIAL_ID)))
                .userEntityUserId(handle)
                .credentialType(PublicKeyCredentialType.valueOf(row.get(STAFF_PASSKEY.CREDENTIAL_TYPE)))
                .publicKey(new ImmutablePublicKeyCose(Bytes.fromBase64(row.get(STAFF_PASSKEY.PUBLIC_KEY)).getBytes()))
                .signatureCount(row.get(STAFF_PASSKEY.SIGNATURE_COUNT))
                .uvInitialized(row.get(STAFF_PASSKEY.UV_INITIALIZED))
                .backupEligible(row.get(STAFF_PASSKEY.BACKUP_ELIGIBLE))
                .backupState(row.get(STAFF_PASSKEY.BACKUP_STATE))
                .transports(transports)
                .attestationObject(Bytes.fromBase64(row.get(STAFF_PASSKEY.ATTESTATION_OBJECT)))
                .attestationClientDataJSON(Bytes.fromBase64(row.get(STAFF_PASSKEY.CLIENT_DATA_JSON)))
                .label(row.get(STAFF_PASSKEY.LABEL))
                .created(row.get(STAFF_PASSKEY.CREATED_AT).toInstant())
                .lastUsed(row.get(STAFF_PASSKEY.LAST_USED_AT).toInstant())
                .build();
    }

    private static String text(Bytes bytes) {
        return bytes == null ? "" : bytes.toBase64UrlString();
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
