package io.firstpin.registration.internal;

import static io.firstpin.platform.db.Tables.REGISTRATION_LINK;

import io.firstpin.platform.Secrets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Private links to a registration's page for emails after the first one. Like the first link, only a hash of each is
 * kept; each later email gets a link of its own.
 */
@Component
public class RegistrationLinks {

    public static final String TOKEN_PREFIX = "r_";

    private final DSLContext db;

    RegistrationLinks(DSLContext db) {
        this.db = db;
    }

    public enum Purpose { PROMOTION, REMINDER, RECONFIRMATION, FOLLOW_UP, LINK_AGAIN }

    /** A new link token for the registration; the caller puts it in an email and forgets it. */
    public String issue(long registrationId, Purpose purpose, Instant now) {
        String token = Secrets.newSecret(TOKEN_PREFIX);
        db.insertInto(REGISTRATION_LINK)
                .set(REGISTRATION_LINK.REGISTRATION_ID, registrationId)
                .set(REGISTRATION_LINK.TOKEN_HASH, Secrets.hash(token))
                .set(REGISTRATION_LINK.PURPOSE, purpose.name())
                .set(REGISTRATION_LINK.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .execute();
        return token;
    }

    /** The registration a link token was issued for, and when. */
    public Optional<Issued> find(String tokenHash) {
        return db.select(REGISTRATION_LINK.REGISTRATION_ID, REGISTRATION_LINK.CREATED_AT)
                .from(REGISTRATION_LINK)
                .where(REGISTRATION_LINK.TOKEN_HASH.eq(tokenHash))
                .fetchOptional(row -> new Issued(row.value1(), row.value2().toInstant()));
    }

    public record Issued(long registrationId, Instant issuedAt) {
    }
}
