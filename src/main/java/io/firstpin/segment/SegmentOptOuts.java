package io.firstpin.segment;

import static io.firstpin.platform.db.Tables.SEGMENT_MESSAGE;
import static io.firstpin.platform.db.Tables.SEGMENT_MESSAGE_RECIPIENT;
import static io.firstpin.platform.db.Tables.SEGMENT_OPT_OUT;

import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Secrets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unsubscribing from email to segments. Each email carries a link of its own, a secret of 256 random bits stored only
 * as its SHA-256, standing for the member it was sent to; using it stops every later email to a segment of the
 * organization to that member. Only the member can do that, and there is no way back through staff pages.
 */
@Service
public class SegmentOptOuts {

    static final String TOKEN_PREFIX = "s_";
    private static final int MAX_TOKEN = 100;

    private final DSLContext db;
    private final Organizations organizations;
    private final Clock clock;

    SegmentOptOuts(DSLContext db, Organizations organizations, Clock clock) {
        this.db = db;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** A new link for the email of the message to the member; answers the token, which is never stored. */
    String issue(long organizationId, long messageId, long memberId) {
        String token = Secrets.newSecret(TOKEN_PREFIX);
        db.insertInto(SEGMENT_MESSAGE_RECIPIENT)
                .set(SEGMENT_MESSAGE_RECIPIENT.ORGANIZATION_ID, organizationId)
                .set(SEGMENT_MESSAGE_RECIPIENT.SEGMENT_MESSAGE_ID, messageId)
                .set(SEGMENT_MESSAGE_RECIPIENT.MEMBER_ID, memberId)
                .set(SEGMENT_MESSAGE_RECIPIENT.TOKEN_HASH, Secrets.hash(token))
                .execute();
        return token;
    }

    /** The email a link was sent with; empty for anything that is not one of ours. */
    @Transactional(readOnly = true)
    public Optional<Unsubscribe> byToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        return db.select(SEGMENT_MESSAGE_RECIPIENT.ORGANIZATION_ID, SEGMENT_MESSAGE_RECIPIENT.MEMBER_ID,
                        SEGMENT_MESSAGE.ID, SEGMENT_MESSAGE.SUBJECT)
                .from(SEGMENT_MESSAGE_RECIPIENT)
                .join(SEGMENT_MESSAGE).on(SEGMENT_MESSAGE.ID.eq(SEGMENT_MESSAGE_RECIPIENT.SEGMENT_MESSAGE_ID))
                .where(SEGMENT_MESSAGE_RECIPIENT.TOKEN_HASH.eq(Secrets.hash(token)))
                .fetchOptional()
                .map(row -> new Unsubscribe(row.value1(), row.value2(), row.value3(), row.value4(),
                        organizations.findById(row.value1()).map(Organization::name).orElse(""),
                        optedOut(row.value1(), row.value2())));
    }

    /**
     * Stops email to segments of the link's organization to the link's member; using the link again (a mail client's
     * one-click and the person's own click, say) changes nothing. Empty when the token is not a link of ours.
     */
    @Transactional
    public Optional<Unsubscribe> unsubscribe(String token) {
        Optional<Unsubscribe> link = byToken(token);
        link.filter(l -> !l.optedOut()).ifPresent(this::optOut);
        return link.map(Unsubscribe::done);
    }

    /** The members of the organization who opted out (read whole: far fewer than a segment's members, mostly). */
    @Transactional(readOnly = true)
    public Set<Long> optedOut(long organizationId) {
        return Set.copyOf(db.select(SEGMENT_OPT_OUT.MEMBER_ID)
                .from(SEGMENT_OPT_OUT)
                .where(SEGMENT_OPT_OUT.ORGANIZATION_ID.eq(organizationId))
                .fetchSet(SEGMENT_OPT_OUT.MEMBER_ID));
    }

    private boolean optedOut(long organizationId, long memberId) {
        return db.fetchExists(SEGMENT_OPT_OUT, SEGMENT_OPT_OUT.ORGANIZATION_ID.eq(organizationId)
                .and(SEGMENT_OPT_OUT.MEMBER_ID.eq(memberId)));
    }

    private void optOut(Unsubscribe link) {
        try {
            db.insertInto(SEGMENT_OPT_OUT)
                    .set(SEGMENT_OPT_OUT.ORGANIZATION_ID, link.organizationId())
                    .set(SEGMENT_OPT_OUT.MEMBER_ID, link.memberId())
                    .set(SEGMENT_OPT_OUT.SEGMENT_MESSAGE_ID, link.messageId())
                    .set(SEGMENT_OPT_OUT.OPTED_OUT_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .onConflictDoNothing()
                    .execute();
        } catch (DuplicateKeyException optedOutConcurrently) {
            // the other request recorded the same opt-out
        }
    }

    /**
     * The email an unsubscribe link came with, as its public page may show it: whose organization and which subject,
     * never the member's address.
     *
     * @param optedOut whether the member has opted out of email to the organization's segments
     */
    public record Unsubscribe(long organizationId, long memberId, long messageId, String subject,
            String organizationName, boolean optedOut) {

        Unsubscribe done() {
            return new Unsubscribe(organizationId, memberId, messageId, subject, organizationName, true);
        }
    }
}
