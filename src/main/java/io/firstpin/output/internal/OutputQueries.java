package io.firstpin.output.internal;

import static io.firstpin.platform.db.Tables.MEMBER_FEED;
import static io.firstpin.platform.db.Tables.OUTPUT;
import static io.firstpin.platform.db.Tables.OUTPUT_LINK;
import static io.firstpin.platform.db.Tables.OUTPUT_REPORT_POLICY;

import io.firstpin.event.EventReferences;
import io.firstpin.member.FeedIdentities;
import io.firstpin.output.LinkTarget;
import io.firstpin.platform.PublicUrls;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** The reads of the output module that span several rows, and those that pair its rows with events or identities. */
@Component
public class OutputQueries {

    private final DSLContext db;
    private final PublicUrls urls;
    private final EventReferences events;

    OutputQueries(DSLContext db, PublicUrls urls, EventReferences events) {
        this.db = db;
        this.urls = urls;
        this.events = events;
    }

    /** The organization's events a post published between {@code from} and {@code to} could report on. */
    public List<LinkTarget> linkCandidates(long organizationId, Instant from, Instant to, Duration windowAfterEnd) {
        return events.overlapping(organizationId, from.minus(windowAfterEnd), to).stream().map(this::target).toList();
    }

    /** Every event of the communities, as the linking rules see it, in start order; for an import's rows. */
    public List<LinkTarget> linkTargetsIn(Collection<Long> communityIds) {
        return events.inCommunities(communityIds).stream().map(this::target).toList();
    }

    /**
     * The outputs linked now to the events, one row per link, with their author, type and when they came out (when
     * they were recorded, for those whose date is unknown).
     */
    public List<LinkedRow> linkedTo(Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return db.select(OUTPUT_LINK.EVENT_ID, OUTPUT.ID, OUTPUT.AUTHOR_MEMBER_ID, OUTPUT.KIND,
                        DSL.coalesce(OUTPUT.PUBLISHED_AT, OUTPUT.CREATED_AT))
                .from(OUTPUT_LINK)
                .join(OUTPUT).on(OUTPUT.ID.eq(OUTPUT_LINK.OUTPUT_ID))
                .where(OUTPUT_LINK.EVENT_ID.in(eventIds))
                .and(published())
                .orderBy(OUTPUT_LINK.EVENT_ID, OUTPUT.ID)
                .fetch(row -> new LinkedRow(row.value1(), row.value2(), row.value3(), row.value4(),
                        row.value5().toInstant()));
    }

    public record LinkedRow(long eventId, long outputId, Long authorMemberId, String kind, Instant at) {
    }

    private LinkTarget target(EventReferences.Reference event) {
        List<String> addresses = event.connpassUrl() == null ? List.of(urls.event(event.eventId()))
                : List.of(urls.event(event.eventId()), event.connpassUrl());
        return new LinkTarget(event.eventId(), event.startsAt(), event.endsAt(), addresses, event.hashtag());
    }

    /** Ids of the outputs linked to the event now (not the links staff removed), newest published first. */
    public List<Long> outputsOfEvent(long eventId) {
        return db.select(OUTPUT.ID)
                .from(OUTPUT_LINK)
                .join(OUTPUT).on(OUTPUT.ID.eq(OUTPUT_LINK.OUTPUT_ID))
                .where(OUTPUT_LINK.EVENT_ID.eq(eventId))
                .and(OUTPUT_LINK.UNLINKED_AT.isNull())
                .orderBy(DSL.coalesce(OUTPUT.PUBLISHED_AT, OUTPUT.CREATED_AT).desc(), OUTPUT.ID.desc())
                .fetch(OUTPUT.ID);
    }

    /** Ids of the outputs staff unlinked from the event, most recently unlinked first. */
    public List<Long> unlinkedFromEvent(long eventId) {
        return db.select(OUTPUT_LINK.OUTPUT_ID)
                .from(OUTPUT_LINK)
                .where(OUTPUT_LINK.EVENT_ID.eq(eventId))
                .and(OUTPUT_LINK.UNLINKED_AT.isNotNull())
                .orderBy(OUTPUT_LINK.UNLINKED_AT.desc(), OUTPUT_LINK.OUTPUT_ID.desc())
                .fetch(OUTPUT_LINK.OUTPUT_ID);
    }

    /** Feeds due for reading, the ones waiting longest first. */
    public List<Long> dueFeeds(Instant now, int limit) {
        return db.select(MEMBER_FEED.ID)
                .from(MEMBER_FEED)
                .where(MEMBER_FEED.NEXT_POLL_AT.le(at(now)))
                .orderBy(MEMBER_FEED.NEXT_POLL_AT, MEMBER_FEED.ID)
                .limit(limit)
                .fetch(MEMBER_FEED.ID);
    }

    /** Per event, the outputs linked to it now and their distinct authors. */
    /**
     * Feed addresses given as a member's identity (on the member page, or by an import) that no member feed follows yet,
     * as (organization, member, address); {@code organizationId} null for every organization.
     */
    public List<FeedIdentity> unfollowedFeedIdentities(Long organizationId) {
        FeedIdentities feeds = FeedIdentities.all();
        return db.select(feeds.organizationId(), feeds.memberId(), feeds.address())
                .from(feeds.table())
                .where(organizationId == null ? DSL.noCondition() : feeds.organizationId().eq(organizationId))
                .andNotExists(DSL.selectOne().from(MEMBER_FEED)
                        .where(MEMBER_FEED.ORGANIZATION_ID.eq(feeds.organizationId()))
                        .and(MEMBER_FEED.MEMBER_ID.eq(feeds.memberId()))
                        .and(MEMBER_FEED.URL.eq(feeds.address())))
                .orderBy(feeds.id())
                .limit(1000)
                .fetch(row -> new FeedIdentity(row.value1(), row.value2(), row.value3()));
    }

    public record FeedIdentity(long organizationId, long memberId, String url) {
    }

    /** The organization's reports waiting for review, as (event, output), oldest first. */
    public List<WaitingReport> awaitingReview(long organizationId) {
        return db.select(OUTPUT_LINK.EVENT_ID, OUTPUT.ID)
                .from(OUTPUT_LINK)
                .join(OUTPUT).on(OUTPUT.ID.eq(OUTPUT_LINK.OUTPUT_ID))
                .where(OUTPUT.ORGANIZATION_ID.eq(organizationId))
                .and(OUTPUT_LINK.AWAITING_REVIEW.isTrue())
                .and(OUTPUT_LINK.UNLINKED_AT.isNull())
                .orderBy(OUTPUT_LINK.LINKED_AT, OUTPUT.ID)
                .fetch(row -> new WaitingReport(row.value1(), row.value2()));
    }

    public record WaitingReport(long eventId, long outputId) {
    }

    /** The outputs of the member waiting for review as reports on the event. */
    public List<Long> awaitingReviewBy(long memberId, long eventId) {
        return db.select(OUTPUT.ID)
                .from(OUTPUT_LINK)
                .join(OUTPUT).on(OUTPUT.ID.eq(OUTPUT_LINK.OUTPUT_ID))
                .where(OUTPUT_LINK.EVENT_ID.eq(eventId))
                .and(OUTPUT.AUTHOR_MEMBER_ID.eq(memberId))
                .and(OUTPUT_LINK.AWAITING_REVIEW.isTrue())
                .and(OUTPUT_LINK.UNLINKED_AT.isNull())
                .fetch(OUTPUT.ID);
    }

    /** Whether the organization publishes a report once its author's attendance is confirmed; no row: it does not. */
    public boolean publishesOnAttendance(long organizationId) {
        return db.select(OUTPUT_REPORT_POLICY.PUBLISH_ON_ATTENDANCE)
                .from(OUTPUT_REPORT_POLICY)
                .where(OUTPUT_REPORT_POLICY.ORGANIZATION_ID.eq(organizationId))
                .fetchOptional(OUTPUT_REPORT_POLICY.PUBLISH_ON_ATTENDANCE)
                .orElse(false);
    }

    public void publishOnAttendance(long organizationId, boolean publish) {
        db.insertInto(OUTPUT_REPORT_POLICY)
                .set(OUTPUT_REPORT_POLICY.ORGANIZATION_ID, organizationId)
                .set(OUTPUT_REPORT_POLICY.PUBLISH_ON_ATTENDANCE, publish)
                .onDuplicateKeyUpdate()
                .set(OUTPUT_REPORT_POLICY.PUBLISH_ON_ATTENDANCE, publish)
                .execute();
    }

    /** A link the public page lists and the KPIs count: not removed by staff, not waiting for review. */
    private static Condition published() {
        return OUTPUT_LINK.UNLINKED_AT.isNull().and(OUTPUT_LINK.AWAITING_REVIEW.isFalse());
    }

    public List<EventOutputs> countsByEvent(Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return db.select(OUTPUT_LINK.EVENT_ID, DSL.count(), DSL.countDistinct(OUTPUT.AUTHOR_MEMBER_ID))
                .from(OUTPUT_LINK)
                .join(OUTPUT).on(OUTPUT.ID.eq(OUTPUT_LINK.OUTPUT_ID))
                .where(OUTPUT_LINK.EVENT_ID.in(eventIds))
                .and(published())
                .groupBy(OUTPUT_LINK.EVENT_ID)
                .fetch(row -> new EventOutputs(row.value1(), row.value2(), row.value3()));
    }

    /** The members who authored an output linked to the event now. */
    public List<Long> authorsOfEvent(long eventId) {
        return db.selectDistinct(OUTPUT.AUTHOR_MEMBER_ID)
                .from(OUTPUT_LINK)
                .join(OUTPUT).on(OUTPUT.ID.eq(OUTPUT_LINK.OUTPUT_ID))
                .where(OUTPUT_LINK.EVENT_ID.eq(eventId))
                .and(OUTPUT_LINK.UNLINKED_AT.isNull())
                .and(OUTPUT.AUTHOR_MEMBER_ID.isNotNull())
                .fetch(OUTPUT.AUTHOR_MEMBER_ID);
    }

    public record EventOutputs(long eventId, int outputs, int authors) {
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
