package io.firstpin.identity.internal;

import static io.firstpin.platform.db.Tables.STAFF_TOTP;

import io.firstpin.identity.TwoFactor;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Encrypts, at start, the TOTP secrets stored in plain text before they were encrypted. Each row is replaced only
 * while it still holds the plain secret read, so instances starting together, or a sign-in in between, lose nothing;
 * until then a plain secret keeps working.
 */
@Component
class TotpSecretsSealing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TotpSecretsSealing.class);

    private final DSLContext db;
    private final SecretBox box;

    TotpSecretsSealing(DSLContext db, SecretBox box) {
        this.db = db;
        this.box = box;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int sealed = 0;
        for (Record2<Long, String> row : db.select(STAFF_TOTP.ACCOUNT_ID, STAFF_TOTP.SECRET).from(STAFF_TOTP)
                .where(STAFF_TOTP.SECRET.notLike(SecretBox.PREFIX + "%")).fetch()) {
            sealed += db.update(STAFF_TOTP)
                    .set(STAFF_TOTP.SECRET, box.seal(row.value2(), TwoFactor.context(row.value1())))
                    .where(STAFF_TOTP.ACCOUNT_ID.eq(row.value1())).and(STAFF_TOTP.SECRET.eq(row.value2()))
                    .execute();
        }
        if (sealed > 0) {
            log.info("Encrypted {} TOTP secrets stored in plain text before.", sealed);
        }
    }
}
