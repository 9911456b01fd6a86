package io.firstpin.member;

import static io.firstpin.platform.db.Tables.EMAIL_OPT_OUT;
import static io.firstpin.platform.db.Tables.EMAIL_PREFERENCE_LINK;
import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.MEMBER_IDENTITY;

import io.firstpin.platform.PublicUrls;
import io.firstpin.platform.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's email preferences, in one place: which kinds of non-transactional email ({@link EmailTopic}) they do not
 * want. Every such email carries a private link ({@link #link}) to the member's preferences page and a one-click
 * unsubscribe (RFC 8058) from its own topic; every sender asks here before queuing one. Transactional email (a
 * registration's confirmation, a reminder, a sign-in code) is not subject to them.
 *
 * <p>Stored as the topics opted out of ({@code email_opt_out}): a merge moves them like the member's other rows, so the
 * kept member is opted out of whatever either member was.
 */
@Service
public class EmailPreferences {

    static final String TOKEN_PREFIX = "p_";
    private static final int MAX_TOKEN = 100;

    private final DSLContext db;
    private final PublicUrls urls;
    private final Clock clock;

    EmailPreferences(DSLContext db, PublicUrls urls, Clock clock) {
        this.db = db;
        this.urls = urls;
        this.clock = clock;
    }

    /**
     * A new private link for an email of this topic to the member, stored with the email's transaction; the token
     * itself is never stored.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PreferenceLink link(long organizationId, long memberId, EmailTopic topic) {
        String token = Secrets.newSecret(TOKEN_PREFIX);
        db.insertInto(EMAIL_PREFERENCE_LINK)
                .set(EMAIL_PREFERENCE_LINK.ORGANIZATION_ID, organizationId)
                .set(EMAIL_PREFERENCE_LINK.MEMBER_ID, memberId)
                .set(EMAIL_PREFERENCE_LINK.TOPIC, topic.key())
                .set(EMAIL_PREFERENCE_LINK.TOKEN_HASH, Secrets.hash(token))
                .set(EMAIL_PREFERENCE_LINK.CREATED_AT, now())
                .execute();
        return new PreferenceLink(urls.base() + "/p/" + token,
                urls.base() + "/api/v1/email-preferences/" + token + "/unsubscribe");
    }

    /** Whether the member wants email of this topic. */
    @Transactional(readOnly = true)
    public boolean allows(long memberId, EmailTopic topic) {
        return !db.fetchExists(EMAIL_OPT_OUT, EMAIL_OPT_OUT.MEMBER_ID.eq(memberId)
                .and(EMAIL_OPT_OUT.TOPIC.eq(topic.key())));
    }

    /**
     * Who in the organization does not want this topic: the members who said so, and their addresses (far fewer than
     * the organization's members, mostly). A preference belongs to the person, and a link that changes it only ever
     * reaches their mailbox; so it holds for whatever is sent to that address, also to a registration of a provisional
     * member made under it later.
     */
    @Transactional(readOnly = true)
    public Refusals refusals(long organizationId, EmailTopic topic) {
        Set<Long> memberIds = Set.copyOf(db.select(EMAIL_OPT_OUT.MEMBER_ID).from(EMAIL_OPT_OUT)
                .where(EMAIL_OPT_OUT.ORGANIZATION_ID.eq(organizationId))
                .and(EMAIL_OPT_OUT.TOPIC.eq(topic.key()))
                .fetchSet(EMAIL_OPT_OUT.MEMBER_ID));
        Set<String> addresses = new HashSet<>(db.select(MEMBER_IDENTITY.NORMALIZED_VALUE).from(MEMBER_IDENTITY)
                .where(MEMBER_IDENTITY.ORGANIZATION_ID.eq(organizationId))
                .and(MEMBER_IDENTITY.KIND.eq(IdentityKind.EMAIL.name()))
                .and(MEMBER_IDENTITY.MEMBER_ID.in(memberIds))
                .fetch(MEMBER_IDENTITY.NORMALIZED_VALUE));
        addresses.addAll(db.select(MEMBER.CLAIMED_EMAIL).from(MEMBER)
                .where(MEMBER.ID.in(memberIds)).and(MEMBER.CLAIMED_EMAIL.isNotNull())
                .fetch(MEMBER.CLAIMED_EMAIL));
        return new Refusals(memberIds, addresses);
    }

    /** The member's preferences: the topics they opted out of. */
    @Transactional(readOnly = true)
    public Preferences of(long memberId) {
        return new Preferences(db.select(EMAIL_OPT_OUT.TOPIC).from(EMAIL_OPT_OUT)
                .where(EMAIL_OPT_OUT.MEMBER_ID.eq(memberId))
                .fetch(EMAIL_OPT_OUT.TOPIC).stream()
                .map(EmailTopic::ofKey).flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** Sets whether the member wants each of these topics; the others stay as they are. */
    @Transactional
    public Preferences choose(long organizationId, long memberId, Collection<EmailTopic> wanted,
            Collection<EmailTopic> unwanted) {
        wanted.forEach(topic -> db.deleteFrom(EMAIL_OPT_OUT)
                .where(EMAIL_OPT_OUT.MEMBER_ID.eq(memberId)).and(EMAIL_OPT_OUT.TOPIC.eq(topic.key()))
                .execute());
        unwanted.forEach(topic -> optOut(organizationId, memberId, topic));
        return of(memberId);
    }

    /** The member wants no more email of this topic; asking twice changes nothing. */
    @Transactional
    public void optOut(long organizationId, long memberId, EmailTopic topic) {
        try {
            db.insertInto(EMAIL_OPT_OUT)
                    .set(EMAIL_OPT_OUT.ORGANIZATION_ID, organizationId)
                    .set(EMAIL_OPT_OUT.MEMBER_ID, memberId)
                    .set(EMAIL_OPT_OUT.TOPIC, topic.key())
                    .set(EMAIL_OPT_OUT.OPTED_OUT_AT, now())
                    .onConflictDoNothing()
                    .execute();
        } catch (DuplicateKeyException optedOutConcurrently) {
            // the other request recorded the same choice
        }
    }

    /** Whom a link of an email stands for; empty for anything that is not one of ours. */
    @Transactional(readOnly = true)
    public Optional<LinkHolder> byToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        return db.select(EMAIL_PREFERENCE_LINK.ORGANIZATION_ID, EMAIL_PREFERENCE_LINK.MEMBER_ID,
                        EMAIL_PREFERENCE_LINK.TOPIC)
                .from(EMAIL_PREFERENCE_LINK)
                .where(EMAIL_PREFERENCE_LINK.TOKEN_HASH.eq(Secrets.hash(token)))
                .fetchOptional()
                .flatMap(row -> EmailTopic.ofKey(row.value3())
                        .map(topic -> new LinkHolder(row.value1(), row.value2(), topic)));
    }

    /**
     * One click: no more email of the topic the link's email had, for the member it was sent to. Empty when the token
     * is not a link of ours.
     */
    @Transactional
    public Optional<LinkHolder> unsubscribe(String token) {
        Optional<LinkHolder> holder = byToken(token);
        holder.ifPresent(h -> optOut(h.organizationId(), h.memberId(), h.topic()));
        return holder;
    }

    /** Deletes the links made before the given time; answers how many. */
    @Transactional
    public int deleteLinksMadeBefore(Instant before) {
        return db.deleteFrom(EMAIL_PREFERENCE_LINK)
                .where(EMAIL_PREFERENCE_LINK.CREATED_AT.lt(before.atOffset(ZoneOffset.UTC)))
                .execute();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    /**
     * The two addresses an email carries: its recipient's preferences page (in the text) and the one-click
     * unsubscribe from its topic (as {@code List-Unsubscribe}).
     */
    public record PreferenceLink(String pageUrl, String oneClickUrl) {
    }

    /** The members, and the addresses, that do not want one topic. */
    public record Refusals(Set<Long> memberIds, Set<String> addresses) {

        public Refusals {
            memberIds = Set.copyOf(memberIds);
            addresses = Set.copyOf(addresses);
        }

        /** Whether email of the topic to this member at this address (null if none) is refused. */
        public boolean refuse(long memberId, String address) {
            return memberIds.contains(memberId)
                    || (address != null && addresses.contains(address.strip().toLowerCase(Locale.ROOT)));
        }
    }

    /** The member an emailed link stands for, and the topic of the email it came with. */
    public record LinkHolder(long organizationId, long memberId, EmailTopic topic) {
    }

    /** A member's preferences: the topics they do not want; every other topic they get. */
    public record Preferences(Set<EmailTopic> optedOut) {

        public Preferences {
            optedOut = Set.copyOf(optedOut);
        }

        public boolean wants(EmailTopic topic) {
            return !optedOut.contains(topic);
        }
    }
}
