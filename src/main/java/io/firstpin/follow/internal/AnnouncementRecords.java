package io.firstpin.follow.internal;

import static io.firstpin.platform.db.Tables.COMMUNITY_FOLLOW;
import static io.firstpin.platform.db.Tables.FOLLOW_ANNOUNCEMENT;
import static io.firstpin.platform.db.Tables.FOLLOW_PUBLISHED_EVENT;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The follow module's record of announcements: the events communities published that are still to come, and which of
 * them were announced to whom. A member's pending events are the published, not yet started events of the communities
 * they followed before the event was published, not announced to them yet.
 */
@Component
public class AnnouncementRecords {

    private final DSLContext db;

    AnnouncementRecords(DSLContext db) {
        this.db = db;
    }

    /** Records an event as published; the same event twice changes nothing. */
    public void published(long eventId, long organizationId, long communityId, Instant startsAt, Instant now) {
        db.insertInto(FOLLOW_PUBLISHED_EVENT)
                .set(FOLLOW_PUBLISHED_EVENT.EVENT_ID, eventId)
                .set(FOLLOW_PUBLISHED_EVENT.ORGANIZATION_ID, organizationId)
                .set(FOLLOW_PUBLISHED_EVENT.COMMUNITY_ID, communityId)
                .set(FOLLOW_PUBLISHED_EVENT.PUBLISHED_AT, at(now))
                .set(FOLLOW_PUBLISHED_EVENT.STARTS_AT, at(startsAt))
                .onConflictDoNothing()
                .execute();
    }

    public void rescheduled(long eventId, Instant startsAt) {
        db.update(FOLLOW_PUBLISHED_EVENT).set(FOLLOW_PUBLISHED_EVENT.STARTS_AT, at(startsAt))
                .where(FOLLOW_PUBLISHED_EVENT.EVENT_ID.eq(eventId)).execute();
    }

    /** Forgets an event not yet announced: it is hidden, cancelled or postponed, and no news any more. */
    public void withdraw(long eventId) {
        db.deleteFrom(FOLLOW_PUBLISHED_EVENT).where(FOLLOW_PUBLISHED_EVENT.EVENT_ID.eq(eventId)).execute();
    }

    /** Forgets everything about an event that is being deleted, including whom it was announced to. */
    public void forgetEvent(long eventId) {
        withdraw(eventId);
        db.deleteFrom(FOLLOW_ANNOUNCEMENT).where(FOLLOW_ANNOUNCEMENT.EVENT_ID.eq(eventId)).execute();
    }

    /** Forgets the published events that have started: nobody is told of those any more. */
    public int forgetStartedBy(Instant now) {
        return db.deleteFrom(FOLLOW_PUBLISHED_EVENT).where(FOLLOW_PUBLISHED_EVENT.STARTS_AT.le(at(now))).execute();
    }

    /** The members with events pending who got no announcement after {@code lastSentBefore}. */
    public List<Due> dueMembers(Instant now, Instant lastSentBefore) {
        return db.selectDistinct(COMMUNITY_FOLLOW.ORGANIZATION_ID, COMMUNITY_FOLLOW.MEMBER_ID)
                .from(COMMUNITY_FOLLOW)
                .join(FOLLOW_PUBLISHED_EVENT).on(pending(now))
                .whereNotExists(DSL.selectOne().from(FOLLOW_ANNOUNCEMENT)
                        .where(FOLLOW_ANNOUNCEMENT.MEMBER_ID.eq(COMMUNITY_FOLLOW.MEMBER_ID))
                        .and(FOLLOW_ANNOUNCEMENT.SENT_AT.gt(at(lastSentBefore))))
                .orderBy(COMMUNITY_FOLLOW.MEMBER_ID)
                .fetch(row -> new Due(row.value1(), row.value2()));
    }

    /** The member's pending events, by community, each once, in the order they start. */
    public Map<Long, List<Long>> pendingEvents(long memberId, Instant now) {
        return db.selectDistinct(FOLLOW_PUBLISHED_EVENT.COMMUNITY_ID, FOLLOW_PUBLISHED_EVENT.EVENT_ID,
                        FOLLOW_PUBLISHED_EVENT.STARTS_AT)
                .from(COMMUNITY_FOLLOW)
                .join(FOLLOW_PUBLISHED_EVENT).on(pending(now))
                .where(COMMUNITY_FOLLOW.MEMBER_ID.eq(memberId))
                .orderBy(FOLLOW_PUBLISHED_EVENT.STARTS_AT, FOLLOW_PUBLISHED_EVENT.EVENT_ID)
                .fetchGroups(FOLLOW_PUBLISHED_EVENT.COMMUNITY_ID, FOLLOW_PUBLISHED_EVENT.EVENT_ID);
    }

    /** The language the member followed in most recently, if any. */
    public Optional<Locale> locale(long memberId) {
        return db.select(COMMUNITY_FOLLOW.LOCALE).from(COMMUNITY_FOLLOW)
                .where(COMMUNITY_FOLLOW.MEMBER_ID.eq(memberId)).and(COMMUNITY_FOLLOW.LOCALE.isNotNull())
                .orderBy(COMMUNITY_FOLLOW.FOLLOWED_AT.desc(), COMMUNITY_FOLLOW.ID.desc())
                .limit(1)
                .fetchOptional(COMMUNITY_FOLLOW.LOCALE)
                .map(Locale::forLanguageTag);
    }

    /**
     * Records the events as announced to the member; false, recording nothing, when one of them was announced already
     * (by another instance in the meantime: the key makes the second transaction wait for the first, then fail).
     */
    public boolean announced(long organizationId, long memberId, Collection<Long> eventIds, Instant now) {
        int inserted = 0;
        try {
            for (long eventId : eventIds) {
                inserted += db.insertInto(FOLLOW_ANNOUNCEMENT)
                        .set(FOLLOW_ANNOUNCEMENT.MEMBER_ID, memberId)
                        .set(FOLLOW_ANNOUNCEMENT.EVENT_ID, eventId)
                        .set(FOLLOW_ANNOUNCEMENT.ORGANIZATION_ID, organizationId)
                        .set(FOLLOW_ANNOUNCEMENT.SENT_AT, at(now))
                        .onConflictDoNothing()
                        .execute();
            }
        } catch (DuplicateKeyException announcedConcurrently) {
            // H2 reports the concurrent insert as a clash where PostgreSQL skips the row
            return false;
        }
        return inserted == eventIds.size();
    }

    /** Whether the member got an announcement after the given time. */
    public boolean announcedSince(long memberId, Instant since) {
        return db.fetchExists(FOLLOW_ANNOUNCEMENT, FOLLOW_ANNOUNCEMENT.MEMBER_ID.eq(memberId)
                .and(FOLLOW_ANNOUNCEMENT.SENT_AT.gt(at(since))));
    }

    /**
     * A current follow of the event's community, made before the event was published, of an event still to come and
     * not announced to the follower.
     */
    private static org.jooq.Condition pending(Instant now) {
        return FOLLOW_PUBLISHED_EVENT.COMMUNITY_ID.eq(COMMUNITY_FOLLOW.COMMUNITY_ID)
                .and(COMMUNITY_FOLLOW.UNFOLLOWED_AT.isNull())
                .and(COMMUNITY_FOLLOW.FOLLOWED_AT.le(FOLLOW_PUBLISHED_EVENT.PUBLISHED_AT))
                .and(FOLLOW_PUBLISHED_EVENT.STARTS_AT.gt(at(now)))
                .andNotExists(DSL.selectOne().from(FOLLOW_ANNOUNCEMENT)
                        .where(FOLLOW_ANNOUNCEMENT.MEMBER_ID.eq(COMMUNITY_FOLLOW.MEMBER_ID))
                        .and(FOLLOW_ANNOUNCEMENT.EVENT_ID.eq(FOLLOW_PUBLISHED_EVENT.EVENT_ID)));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A member with events to be told of. */
    public record Due(long organizationId, long memberId) {
    }
}
