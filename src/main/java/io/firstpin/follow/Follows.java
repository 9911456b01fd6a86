package io.firstpin.follow;

import static io.firstpin.platform.db.Tables.COMMUNITY_FOLLOW;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members following communities of their organization. Following twice changes nothing; unfollowing keeps the row
 * with its end, so the followers of any day can be counted.
 */
@Service
public class Follows {

    private final DSLContext db;
    private final Communities communities;
    private final Clock clock;

    Follows(DSLContext db, Communities communities, Clock clock) {
        this.db = db;
        this.communities = communities;
        this.clock = clock;
    }

    /**
     * The member follows the community from now on; its announcements reach them in the language they followed in.
     *
     * @throws io.firstpin.platform.NotFoundException when the community is not the organization's
     */
    @Transactional
    public void follow(long organizationId, long memberId, long communityId, Locale locale) {
        Community community = communities.inOrganization(organizationId, communityId);
        if (following(memberId, community.id())) {
            return;
        }
        db.insertInto(COMMUNITY_FOLLOW)
                .set(COMMUNITY_FOLLOW.ORGANIZATION_ID, organizationId)
                .set(COMMUNITY_FOLLOW.COMMUNITY_ID, community.id())
                .set(COMMUNITY_FOLLOW.MEMBER_ID, memberId)
                .set(COMMUNITY_FOLLOW.FOLLOWED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .set(COMMUNITY_FOLLOW.LOCALE, locale == null ? null : locale.toLanguageTag())
                .execute();
    }

    /** @throws io.firstpin.platform.NotFoundException when the community is not the organization's */
    @Transactional
    public void unfollow(long organizationId, long memberId, long communityId) {
        communities.inOrganization(organizationId, communityId);
        db.update(COMMUNITY_FOLLOW)
                .set(COMMUNITY_FOLLOW.UNFOLLOWED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(COMMUNITY_FOLLOW.ORGANIZATION_ID.eq(organizationId))
                .and(COMMUNITY_FOLLOW.MEMBER_ID.eq(memberId))
                .and(COMMUNITY_FOLLOW.COMMUNITY_ID.eq(communityId))
                .and(COMMUNITY_FOLLOW.UNFOLLOWED_AT.isNull())
                .execute();
    }

    /** The communities the member follows now, by id. */
    @Transactional(readOnly = true)
    public List<Long> followedBy(long organizationId, long memberId) {
        return db.selectDistinct(COMMUNITY_FOLLOW.COMMUNITY_ID).from(COMMUNITY_FOLLOW)
                .where(COMMUNITY_FOLLOW.ORGANIZATION_ID.eq(organizationId))
                .and(COMMUNITY_FOLLOW.MEMBER_ID.eq(memberId))
                .and(COMMUNITY_FOLLOW.UNFOLLOWED_AT.isNull())
                .orderBy(COMMUNITY_FOLLOW.COMMUNITY_ID)
                .fetch(COMMUNITY_FOLLOW.COMMUNITY_ID);
    }

    /** How many members followed the community at the time (two merged members who both did are one). */
    @Transactional(readOnly = true)
    public int followersAt(long communityId, Instant at) {
        return followersAt(List.of(communityId), at);
    }

    /** How many members followed any of the communities at the time, each member once. */
    @Transactional(readOnly = true)
    public int followersAt(Collection<Long> communityIds, Instant at) {
        return db.fetchCount(db.selectDistinct(COMMUNITY_FOLLOW.MEMBER_ID).from(COMMUNITY_FOLLOW)
                .where(COMMUNITY_FOLLOW.COMMUNITY_ID.in(communityIds))
                .and(COMMUNITY_FOLLOW.FOLLOWED_AT.le(at.atOffset(ZoneOffset.UTC)))
                .and(COMMUNITY_FOLLOW.UNFOLLOWED_AT.isNull()
                        .or(COMMUNITY_FOLLOW.UNFOLLOWED_AT.gt(at.atOffset(ZoneOffset.UTC)))));
    }

    /**
     * The followers KPI over time: for each month from {@code from} to {@code to}, how many members followed any of
     * the communities at its end (or now, for the month under way), months ending in the given time zone. Follows and
     * unfollows keep their dates, so a past month counts as it stood then.
     */
    @Transactional(readOnly = true)
    public List<MonthlyFollowers> followersByMonth(Collection<Long> communityIds, YearMonth from, YearMonth to,
            ZoneId zone) {
        Instant now = clock.instant();
        List<MonthlyFollowers> months = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            Instant at = end.isAfter(now) ? now : end;
            months.add(new MonthlyFollowers(month, communityIds.isEmpty() ? 0 : followersAt(communityIds, at)));
        }
        return months;
    }

    /** How many members followed at the end of a month. */
    public record MonthlyFollowers(YearMonth month, int followers) {
    }

    private boolean following(long memberId, long communityId) {
        return db.fetchExists(COMMUNITY_FOLLOW, COMMUNITY_FOLLOW.MEMBER_ID.eq(memberId)
                .and(COMMUNITY_FOLLOW.COMMUNITY_ID.eq(communityId)).and(COMMUNITY_FOLLOW.UNFOLLOWED_AT.isNull()));
    }
}
