package io.firstpin.segment;

import static io.firstpin.platform.db.Tables.SEGMENT;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.insight.CommunityKpis;
import io.firstpin.insight.LoveAndReach;
import io.firstpin.insight.LoveReach;
import io.firstpin.insight.MemberActivities;
import io.firstpin.insight.MemberActivity;
import io.firstpin.insight.Period;
import io.firstpin.insight.Quadrant;
import io.firstpin.member.EmailPreferences.Refusals;
import io.firstpin.member.Member;
import io.firstpin.member.Members;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.db.tables.records.SegmentRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved segments of an organization's members, and who is in each now. Members are picked by the insight module's
 * definitions ({@link MemberActivities}: attendees as the KPIs count them, linked outputs, talks; {@link LoveReach}
 * for the quadrant), so a segment agrees with the dashboard.
 */
@Service
public class Segments {

    private final DSLContext db;
    private final Communities communities;
    private final CommunityKpis kpis;
    private final MemberActivities activities;
    private final LoveReach loveReach;
    private final Members members;
    private final SegmentOptOuts optOuts;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Segments(DSLContext db, Communities communities, CommunityKpis kpis, MemberActivities activities,
            LoveReach loveReach, Members members, SegmentOptOuts optOuts, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.db = db;
        this.communities = communities;
        this.kpis = kpis;
        this.activities = activities;
        this.loveReach = loveReach;
        this.members = members;
        this.optOuts = optOuts;
        this.clock = clock;
    }

    /** The organization's segments by name. */
    @Transactional(readOnly = true)
    public List<MemberSegment> list(long organizationId) {
        return db.selectFrom(SEGMENT)
                .where(SEGMENT.ORGANIZATION_ID.eq(organizationId))
                .orderBy(SEGMENT.NAME, SEGMENT.ID)
                .fetch(Segments::segment);
    }

    /** The segment, or not found when it belongs to another organization. */
    @Transactional(readOnly = true)
    public MemberSegment get(long organizationId, long id) {
        return db.selectFrom(SEGMENT)
                .where(SEGMENT.ID.eq(id))
                .and(SEGMENT.ORGANIZATION_ID.eq(organizationId))
                .fetchOptional(Segments::segment)
                .orElseThrow(() -> NotFoundException.of("segment", id));
    }

    /** A new segment of the community (its slug, of this organization). */
    @Transactional
    public MemberSegment create(long organizationId, String communitySlug, boolean withBranches, String name,
            SegmentCriteria criteria) {
        String cleanName = MemberSegment.checkName(name);
        Community community = community(organizationId, communitySlug);
        Instant now = clock.instant();
        SegmentRecord row = db.newRecord(SEGMENT);
        row.setOrganizationId(organizationId);
        row.setCreatedAt(now.atOffset(ZoneOffset.UTC));
        fill(row, community, withBranches, cleanName, criteria, now);
        row.store();
        return segment(row);
    }

    @Transactional
    public MemberSegment update(long organizationId, long id, String communitySlug, boolean withBranches,
            String name, SegmentCriteria criteria) {
        String cleanName = MemberSegment.checkName(name);
        get(organizationId, id);
        Community community = community(organizationId, communitySlug);
        SegmentRecord row = db.fetchSingle(SEGMENT, SEGMENT.ID.eq(id));
        fill(row, community, withBranches, cleanName, criteria, clock.instant());
        row.store();
        return segment(row);
    }

    /** Deletes the segment; the emails sent to it stay in the history with its name. */
    @Transactional
    public void delete(long organizationId, long id) {
        get(organizationId, id);
        db.deleteFrom(SEGMENT).where(SEGMENT.ID.eq(id)).execute();
    }

    /** Who is in the segment now. */
    @Transactional(readOnly = true)
    public SegmentMembers members(long organizationId, long id) {
        return evaluate(get(organizationId, id));
    }

    /**
     * Who is in the segment now, to be handed out with their identities ({@code format} {@code csv} or {@code json});
     * the handing out is audited, in the same transaction, which therefore writes.
     */
    @Transactional
    public SegmentMembers export(long organizationId, long id, String format) {
        SegmentMembers found = members(organizationId, id);
        events.publishEvent(new SegmentExported(organizationId, id, found.count(), format));
        return found;
    }

    /** Who a segment not saved yet would hold, for the form's preview. */
    @Transactional(readOnly = true)
    public SegmentMembers preview(long organizationId, String communitySlug, boolean withBranches,
            SegmentCriteria criteria) {
        Community community = community(organizationId, communitySlug);
        Instant now = clock.instant();
        return evaluate(new MemberSegment(0, organizationId, community.id(), withBranches, "", criteria, now, now));
    }

    /**
     * Who the criteria pick among the members who attended an event of the community (with its branches): the
     * window is the last {@code withinMonths} months up to today in the community's time zone; the quadrant is the
     * one of the love-and-reach chart over the last twelve months. Merged members are never listed: their rows
     * belong to the member they became. Members who unsubscribed stay in, marked as opted out.
     */
    @Transactional(readOnly = true)
    public SegmentMembers evaluate(MemberSegment segment) {
        Community community = communities.inOrganization(segment.organizationId(), segment.communityId());
        SegmentCriteria criteria = segment.criteria();
        LocalDate today = kpis.today(community);
        LocalDate since = today.minusMonths(criteria.withinMonths());
        List<MemberActivity> found = activities.of(community, segment.withBranches(),
                since.atStartOfDay(community.timeZone()).toInstant());
        LoveAndReach quadrants = criteria.quadrant() == null ? null
                : loveReach.of(community, segment.withBranches(), Period.lastTwelveMonths(today));
        List<MemberActivity> picked = found.stream()
                .filter(a -> criteria.includes(a, quadrants == null ? null : quadrantOf(quadrants, a.memberId())))
                .toList();
        Map<Long, Member> byId = members.inOrganization(segment.organizationId(),
                        picked.stream().map(MemberActivity::memberId).toList()).stream()
                .filter(m -> m.mergedIntoId().isEmpty())
                .collect(Collectors.toMap(Member::id, Function.identity()));
        Refusals refusals = optOuts.refusals(segment.organizationId());
        List<SegmentMember> in = new ArrayList<>();
        for (MemberActivity a : picked) {
            Member member = byId.get(a.memberId());
            if (member != null) {
                in.add(new SegmentMember(member, a.eventsSince(), a.eventsEver(), a.outputs(), a.talks(),
                        quadrants == null ? null : quadrantOf(quadrants, a.memberId()),
                        refusals.refuse(member.id(), member.primaryEmail().orElse(null))));
            }
        }
        in.sort(Comparator.comparingInt(SegmentMember::eventsSince).reversed()
                .thenComparing(SegmentMember::displayName).thenComparingLong(SegmentMember::id));
        return new SegmentMembers(segment, community.name(), since, in);
    }

    /** A community of the organization chosen in a form or a request: an unknown one is a problem of the input. */
    private Community community(long organizationId, String slug) {
        if (slug == null || slug.isBlank()) {
            throw InvalidInputException.of("community", "validation.required");
        }
        try {
            return communities.inOrganization(organizationId, slug.strip());
        } catch (NotFoundException e) {
            throw InvalidInputException.of("community", "validation.segment.community");
        }
    }

    private static Quadrant quadrantOf(LoveAndReach quadrants, long memberId) {
        return quadrants.of(memberId).map(LoveAndReach.Standing::quadrant).orElse(null);
    }

    private static void fill(SegmentRecord row, Community community, boolean withBranches, String name,
            SegmentCriteria criteria, Instant now) {
        row.setCommunityId(community.id());
        row.setWithBranches(withBranches);
        row.setName(name);
        row.setMinEvents(criteria.minEvents());
        row.setWithinMonths(criteria.withinMonths());
        row.setOutputs(criteria.outputs().name());
        row.setTalks(criteria.talks().name());
        row.setQuadrant(criteria.quadrant() == null ? null : criteria.quadrant().name());
        row.setIncludeStaff(criteria.includeStaff());
        row.setUpdatedAt(now.atOffset(ZoneOffset.UTC));
    }

    private static MemberSegment segment(SegmentRecord row) {
        return new MemberSegment(row.getId(), row.getOrganizationId(), row.getCommunityId(), row.getWithBranches(),
                row.getName(), new SegmentCriteria(row.getMinEvents(), row.getWithinMonths(),
                        OutputFilter.valueOf(row.getOutputs()), TalkFilter.valueOf(row.getTalks()),
                        row.getQuadrant() == null ? null : Quadrant.valueOf(row.getQuadrant()), row.getIncludeStaff()),
                row.getCreatedAt().toInstant(), row.getUpdatedAt().toInstant());
    }
}
