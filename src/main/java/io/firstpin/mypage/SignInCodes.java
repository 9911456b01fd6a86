package io.firstpin.mypage;

import static io.firstpin.platform.db.Tables.MEMBER_SIGN_IN_CODE;

import io.firstpin.platform.Secrets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time secrets sent to a member's address: a six-digit code and a link for signing in to their page, or a link
 * confirming their own erasure. Only hashes are stored; a code is tied to its address and organization, tried at most
 * {@value #MAX_ATTEMPTS} times, valid for {@link #VALID_FOR}, and gone once used. A new one replaces the older ones of
 * the same address and purpose.
 */
@Service
public class SignInCodes {

    public static final Duration VALID_FOR = Duration.ofMinutes(15);
    /** The session attribute holding the address a code was asked for, so the code page needs no address typed. */
    public static final String EMAIL_ATTRIBUTE = "firstpin.memberSignInEmail";
    static final int MAX_ATTEMPTS = 5;
    static final String LINK_PREFIX = "m_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;
    private final Clock clock;

    SignInCodes(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What a secret is for. */
    public enum Purpose {
        SIGN_IN, ERASURE
    }

    /** A new code and link for the address, replacing older ones; only their hashes are kept. */
    @Transactional
    public Issued issue(long organizationId, String email, Purpose purpose) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        db.deleteFrom(MEMBER_SIGN_IN_CODE)
                .where(MEMBER_SIGN_IN_CODE.ORGANIZATION_ID.eq(organizationId))
                .and(MEMBER_SIGN_IN_CODE.EMAIL.eq(address))
                .and(MEMBER_SIGN_IN_CODE.PURPOSE.eq(purpose.name()))
                .execute();
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        String link = Secrets.newSecret(LINK_PREFIX);
        Instant now = clock.instant();
        db.insertInto(MEMBER_SIGN_IN_CODE)
                .set(MEMBER_SIGN_IN_CODE.ORGANIZATION_ID, organizationId)
                .set(MEMBER_SIGN_IN_CODE.EMAIL, address)
                .set(MEMBER_SIGN_IN_CODE.PURPOSE, purpose.name())
                .set(MEMBER_SIGN_IN_CODE.CODE_HASH, codeHash(Secrets.hash(link), code))
                .set(MEMBER_SIGN_IN_CODE.LINK_HASH, Secrets.hash(link))
                .set(MEMBER_SIGN_IN_CODE.ATTEMPTS, 0)
                .set(MEMBER_SIGN_IN_CODE.EXPIRES_AT, now.plus(VALID_FOR).atOffset(ZoneOffset.UTC))
                .set(MEMBER_SIGN_IN_CODE.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .execute();
        return new Issued(organizationId, address, code, link, now.plus(VALID_FOR));
    }

    /**
     * The code typed for the address: right, in time and within its tries, it is used up and the address answered.
     * A wrong one counts as a try; the last wrong try ends the code.
     */
    @Transactional
    public Optional<String> useCode(long organizationId, String email, String code, Purpose purpose) {
        if (email == null || code == null || !code.strip().matches("[0-9]{6}")) {
            return Optional.empty();
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        var row = db.selectFrom(MEMBER_SIGN_IN_CODE)
                .where(MEMBER_SIGN_IN_CODE.ORGANIZATION_ID.eq(organizationId))
                .and(MEMBER_SIGN_IN_CODE.EMAIL.eq(address))
                .and(MEMBER_SIGN_IN_CODE.PURPOSE.eq(purpose.name()))
                .and(MEMBER_SIGN_IN_CODE.EXPIRES_AT.gt(clock.instant().atOffset(ZoneOffset.UTC)))
                .forUpdate()
                .fetchOptional();
        if (row.isEmpty() || row.get().getCodeHash() == null) {
            return Optional.empty();
        }
        if (row.get().getCodeHash().equals(codeHash(row.get().getLinkHash(), code.strip()))) {
            row.get().delete();
            return Optional.of(address);
        }
        if (row.get().getAttempts() + 1 >= MAX_ATTEMPTS) {
            row.get().delete();
        } else {
            row.get().setAttempts(row.get().getAttempts() + 1);
            row.get().store();
        }
        return Optional.empty();
    }

    /** The emailed link, in time: used up, and its organization and address answered. */
    @Transactional
    public Optional<Holder> useLink(String link, Purpose purpose) {
        if (link == null || !link.startsWith(LINK_PREFIX) || link.length() > 100) {
            return Optional.empty();
        }
        var row = db.selectFrom(MEMBER_SIGN_IN_CODE)
                .where(MEMBER_SIGN_IN_CODE.LINK_HASH.eq(Secrets.hash(link)))
                .and(MEMBER_SIGN_IN_CODE.PURPOSE.eq(purpose.name()))
                .and(MEMBER_SIGN_IN_CODE.EXPIRES_AT.gt(clock.instant().atOffset(ZoneOffset.UTC)))
                .forUpdate()
                .fetchOptional();
        row.ifPresent(r -> r.delete());
        return row.map(r -> new Holder(r.getOrganizationId(), r.getEmail()));
    }

    /** Deletes the secrets that expired before the time; answers how many. */
    @Transactional
    public int deleteExpiredBefore(Instant before) {
        return db.deleteFrom(MEMBER_SIGN_IN_CODE)
                .where(MEMBER_SIGN_IN_CODE.EXPIRES_AT.lt(before.atOffset(ZoneOffset.UTC)))
                .execute();
    }

    private static String codeHash(String linkHash, String code) {
        return Secrets.hash(linkHash + ":" + code);
    }

    /** A fresh code and link, to be emailed; never stored as such. */
    public record Issued(long organizationId, String email, String code, String link, Instant expiresAt) {
    }

    /** Whose a used link was. */
    public record Holder(long organizationId, String email) {
    }
}
