package io.firstpin.segment;

import static io.firstpin.platform.db.Tables.SEGMENT_MESSAGE;
import static io.firstpin.platform.db.Tables.SEGMENT_MESSAGE_RECIPIENT;

import io.firstpin.member.EmailPreferences;
import io.firstpin.member.EmailPreferences.Refusals;
import io.firstpin.member.EmailTopic;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Secrets;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unsubscribing from email to segments, which is one of the member's email preferences
 * ({@link EmailTopic#SEGMENT_EMAILS}): only the member can change it, and there is no way back through staff pages.
 * Emails now link to the preferences page; the links of emails sent before it (a secret of 256 random bits per email,
 * stored only as its SHA-256 in {@code segment_message_recipient}) still work, here.
 */
@Service
public class SegmentOptOuts {

    static final String TOKEN_PREFIX = "s_";
    private static final int MAX_TOKEN = 100;

    private final DSLContext db;
    private final Organizations organizations;
    private final EmailPreferences preferences;

    SegmentOptOuts(DSLContext db, Organizations organizations, EmailPreferences preferences) {
        this.db = db;
        this.organizations = organizations;
        this.preferences = preferences;
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
                        !preferences.allows(row.value2(), EmailTopic.SEGMENT_EMAILS)));
    }

    /**
     * Stops email to segments of the link's organization to the link's member; using the link again (a mail client's
     * one-click and the person's own click, say) changes nothing. Empty when the token is not a link of ours.
     */
    @Transactional
    public Optional<Unsubscribe> unsubscribe(String token) {
        Optional<Unsubscribe> link = byToken(token);
        link.filter(l -> !l.optedOut()).ifPresent(l -> preferences.optOut(l.organizationId(), l.memberId(),
                EmailTopic.SEGMENT_EMAILS));
        return link.map(Unsubscribe::done);
    }

    /** Who in the organization does not want email to segments. */
    public Refusals refusals(long organizationId) {
        return preferences.refusals(organizationId, EmailTopic.SEGMENT_EMAILS);
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
