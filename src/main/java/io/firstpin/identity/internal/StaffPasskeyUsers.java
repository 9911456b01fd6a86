package io.firstpin.identity.internal;

import static io.firstpin.platform.db.Tables.STAFF_ACCOUNT;
import static io.firstpin.platform.db.Tables.STAFF_PASSKEY_USER;

import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Component;

/**
 * Spring Security's WebAuthn users, on {@code staff_passkey_user}: a random handle per staff account. The user's name
 * is the account's email read at each look-up, so an account whose email changes keeps its passkeys.
 */
@Component
public class StaffPasskeyUsers implements PublicKeyCredentialUserEntityRepository {

    private final DSLContext db;

    StaffPasskeyUsers(DSLContext db) {
        this.db = db;
    }

    @Override
    public PublicKeyCredentialUserEntity findById(Bytes id) {
        return db.select(STAFF_PASSKEY_USER.USER_HANDLE, STAFF_ACCOUNT.EMAIL, STAFF_ACCOUNT.DISPLAY_NAME)
                .from(STAFF_PASSKEY_USER).join(STAFF_ACCOUNT).on(STAFF_ACCOUNT.ID.eq(STAFF_PASSKEY_USER.ACCOUNT_ID))
                .where(STAFF_PASSKEY_USER.USER_HANDLE.eq(id.toBase64UrlString()))
                .fetchOptional(StaffPasskeyUsers::entity).orElse(null);
    }

    @Override
    public PublicKeyCredentialUserEntity findByUsername(String username) {
        return db.select(STAFF_PASSKEY_USER.USER_HANDLE, STAFF_ACCOUNT.EMAIL, STAFF_ACCOUNT.DISPLAY_NAME)
                .from(STAFF_PASSKEY_USER).join(STAFF_ACCOUNT).on(STAFF_ACCOUNT.ID.eq(STAFF_PASSKEY_USER.ACCOUNT_ID))
                .where(STAFF_ACCOUNT.EMAIL.eq(username.strip().toLowerCase(Locale.ROOT)))
                .fetchOptional(StaffPasskeyUsers::entity).orElse(null);
    }

    @Override
    public void save(PublicKeyCredentialUserEntity userEntity) {
        Long accountId = db.select(STAFF_ACCOUNT.ID).from(STAFF_ACCOUNT)
                .where(STAFF_ACCOUNT.EMAIL.eq(userEntity.getName().strip().toLowerCase(Locale.ROOT)))
                .fetchOne(0, Long.class);
        if (accountId == null) {
            throw new IllegalArgumentException("no staff account for this passkey user");
        }
        if (!db.fetchExists(STAFF_PASSKEY_USER, STAFF_PASSKEY_USER.ACCOUNT_ID.eq(accountId))) {
            db.insertInto(STAFF_PASSKEY_USER).set(STAFF_PASSKEY_USER.ACCOUNT_ID, accountId)
                    .set(STAFF_PASSKEY_USER.USER_HANDLE, userEntity.getId().toBase64UrlString()).execute();
        }
    }

    @Override
    public void delete(Bytes id) {
        db.deleteFrom(STAFF_PASSKEY_USER).where(STAFF_PASSKEY_USER.USER_HANDLE.eq(id.toBase64UrlString())).execute();
    }

    /** The account a handle belongs to, or 0. */
    long accountOf(Bytes handle) {
        Long id = db.select(STAFF_PASSKEY_USER.ACCOUNT_ID).from(STAFF_PASSKEY_USER)
                .where(STAFF_PASSKEY_USER.USER_HANDLE.eq(handle.toBase64UrlString())).fetchOne(0, Long.class);
        return id == null ? 0 : id;
    }

    private static PublicKeyCredentialUserEntity entity(Record3<String, String, String> row) {
        return ImmutablePublicKeyCredentialUserEntity.builder().id(Bytes.fromBase64(row.value1())).name(row.value2())
                .displayName(row.value3()).build();
    }
}
