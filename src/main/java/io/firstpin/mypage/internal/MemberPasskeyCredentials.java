package io.firstpin.mypage.internal;

import static io.firstpin.platform.db.Tables.MEMBER_PASSKEY;
import static io.firstpin.platform.db.Tables.MEMBER_PASSKEY_USER;

import io.firstpin.mypage.MemberPasskeyChanged;
import io.firstpin.platform.passkey.StoredPasskey;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spring Security's WebAuthn credentials of members, on {@code member_passkey}. A new credential is added to the member
 * its user handle belongs to, in that member's organization, and written to the audit log; saving a known one (after
 * each sign-in) updates only its counter and last use.
 */
@Component
public class MemberPasskeyCredentials implements UserCredentialRepository {

    private final DSLContext db;
    private final MemberPasskeyUsers users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MemberPasskeyCredentials(DSLContext db, MemberPasskeyUsers users, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void delete(Bytes credentialId) {
        db.deleteFrom(MEMBER_PASSKEY).where(MEMBER_PASSKEY.CREDENTIAL_ID.eq(credentialId.toBase64UrlString()))
                .execute();
    }

    @Override
    @Transactional
    public void save(CredentialRecord record) {
        String id = record.getCredentialId().toBase64UrlString();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        int updated = db.update(MEMBER_PASSKEY).set(MEMBER_PASSKEY.SIGNATURE_COUNT, record.getSignatureCount())
                .set(MEMBER_PASSKEY.BACKUP_STATE, record.isBackupState()).set(MEMBER_PASSKEY.LAST_USED_AT, now)
                .where(MEMBER_PASSKEY.CREDENTIAL_ID.eq(id)).execute();
        if (updated > 0) {
            return;
        }
        MemberPasskeyUsers.Owner owner = users.ownerOf(record.getUserEntityUserId())
                .orElseThrow(() -> new IllegalArgumentException("no member for this passkey"));
        StoredPasskey row = StoredPasskey.of(record, clock.instant());
        db.insertInto(MEMBER_PASSKEY).set(MEMBER_PASSKEY.CREDENTIAL_ID, id)
                .set(MEMBER_PASSKEY.PASSKEY_USER_ID, owner.id())
                .set(MEMBER_PASSKEY.ORGANIZATION_ID, owner.organizationId())
                .set(MEMBER_PASSKEY.LABEL, row.label())
                .set(MEMBER_PASSKEY.CREDENTIAL_TYPE, row.credentialType())
                .set(MEMBER_PASSKEY.PUBLIC_KEY, row.publicKey())
                .set(MEMBER_PASSKEY.SIGNATURE_COUNT, row.signatureCount())
                .set(MEMBER_PASSKEY.UV_INITIALIZED, row.uvInitialized())
                .set(MEMBER_PASSKEY.BACKUP_ELIGIBLE, row.backupEligible())
                .set(MEMBER_PASSKEY.BACKUP_STATE, row.backupState())
                .set(MEMBER_PASSKEY.TRANSPORTS, row.transports())
                .set(MEMBER_PASSKEY.ATTESTATION_OBJECT, row.attestationObject())
                .set(MEMBER_PASSKEY.CLIENT_DATA_JSON, row.clientDataJson())
                .set(MEMBER_PASSKEY.CREATED_AT, now).set(MEMBER_PASSKEY.LAST_USED_AT, now).execute();
        events.publishEvent(new MemberPasskeyChanged(owner.organizationId(), owner.memberId(), true));
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return db.select(MEMBER_PASSKEY.fields()).select(MEMBER_PASSKEY_USER.USER_HANDLE).from(MEMBER_PASSKEY)
                .join(MEMBER_PASSKEY_USER).on(MEMBER_PASSKEY_USER.ID.eq(MEMBER_PASSKEY.PASSKEY_USER_ID))
                .where(MEMBER_PASSKEY.CREDENTIAL_ID.eq(credentialId.toBase64UrlString()))
                .fetchOptional(MemberPasskeyCredentials::record).orElse(null);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return db.select(MEMBER_PASSKEY.fields()).select(MEMBER_PASSKEY_USER.USER_HANDLE).from(MEMBER_PASSKEY)
                .join(MEMBER_PASSKEY_USER).on(MEMBER_PASSKEY_USER.ID.eq(MEMBER_PASSKEY.PASSKEY_USER_ID))
                .where(MEMBER_PASSKEY_USER.USER_HANDLE.eq(userId.toBase64UrlString()))
                .fetch(MemberPasskeyCredentials::record);
    }

    private static CredentialRecord record(Record row) {
        return new StoredPasskey(row.get(MEMBER_PASSKEY.CREDENTIAL_ID), row.get(MEMBER_PASSKEY.LABEL),
                row.get(MEMBER_PASSKEY.CREDENTIAL_TYPE), row.get(MEMBER_PASSKEY.PUBLIC_KEY),
                row.get(MEMBER_PASSKEY.SIGNATURE_COUNT), row.get(MEMBER_PASSKEY.UV_INITIALIZED),
                row.get(MEMBER_PASSKEY.BACKUP_ELIGIBLE), row.get(MEMBER_PASSKEY.BACKUP_STATE),
                row.get(MEMBER_PASSKEY.TRANSPORTS), row.get(MEMBER_PASSKEY.ATTESTATION_OBJECT),
                row.get(MEMBER_PASSKEY.CLIENT_DATA_JSON), row.get(MEMBER_PASSKEY.CREATED_AT).toInstant(),
                row.get(MEMBER_PASSKEY.LAST_USED_AT).toInstant())
                .toCredentialRecord(Bytes.fromBase64(row.get(MEMBER_PASSKEY_USER.USER_HANDLE)));
    }
}
