package io.firstpin.identity.internal;

import static io.firstpin.platform.db.Tables.STAFF_TOTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.identity.StaffAccounts;
import io.firstpin.identity.Totp;
import io.firstpin.identity.TwoFactor;
import io.firstpin.testing.DatabaseTest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** TOTP secrets are kept encrypted with AES-GCM, bound to their account; plain ones from before are encrypted at start. */
@DatabaseTest
@SpringBootTest
class TotpSecretsAtRestTests {

    private static final String PASSWORD = "a long enough password for totp";

    @Autowired
    TwoFactor twoFactor;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    DSLContext db;
    @Autowired
    SecretBox box;
    @Autowired
    TotpSecretsSealing sealing;
    @Autowired
    Clock clock;

    @Test
    void aNewSecretIsStoredEncryptedAndStillChecksCodes() {
        long account = accounts.open("sealed@totp.test", "Sealed", PASSWORD, false).id();

        String secret = twoFactor.start(account).secret();
        twoFactor.confirm(account, code(secret, 0));

        String stored = storedSecret(account);
        assertThat(stored).startsWith("v1:").doesNotContain(secret);
        assertThat(twoFactor.verify(account, code(secret, 1))).isTrue();
    }

    @Test
    void aPlainSecretFromBeforeIsEncryptedAtStartAndKeepsWorking() {
        long account = accounts.open("legacy@totp.test", "Legacy", PASSWORD, false).id();
        String secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        db.insertInto(STAFF_TOTP).set(STAFF_TOTP.ACCOUNT_ID, account).set(STAFF_TOTP.SECRET, secret)
                .set(STAFF_TOTP.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .set(STAFF_TOTP.CONFIRMED_AT, OffsetDateTime.now(ZoneOffset.UTC)).execute();

        sealing.run(null);
        sealing.run(null);

        assertThat(storedSecret(account)).startsWith("v1:").doesNotContain(secret);
        assertThat(box.open(storedSecret(account), TwoFactor.context(account))).isEqualTo(secret);
        assertThat(twoFactor.verify(account, code(secret, 0))).isTrue();
    }

    @Test
    void aSealedSecretOpensOnlyForItsAccountAndWithItsKey() {
        String sealed = box.seal("JBSWY3DPEHPK3PXP", TwoFactor.context(1));
        byte[] otherKey = new byte[32];
        SecretBox otherBox = new SecretBox(Base64.getEncoder().encodeToString(otherKey), "unused");

        assertThatThrownBy(() -> box.open(sealed, TwoFactor.context(2))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> otherBox.open(sealed, TwoFactor.context(1)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(box.seal("JBSWY3DPEHPK3PXP", TwoFactor.context(1))).isNotEqualTo(sealed);
    }

    @Test
    void aKeyThatIsNot32BytesRefusesToStart() {
        assertThatThrownBy(() -> new SecretBox("c2hvcnQ=", "unused")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 random bytes");
    }

    private String code(String secret, int stepsLater) {
        return Totp.code(secret, Totp.step(clock.instant()) + stepsLater);
    }

    private String storedSecret(long account) {
        return db.select(STAFF_TOTP.SECRET).from(STAFF_TOTP).where(STAFF_TOTP.ACCOUNT_ID.eq(account))
                .fetchOne(STAFF_TOTP.SECRET);
    }
}
