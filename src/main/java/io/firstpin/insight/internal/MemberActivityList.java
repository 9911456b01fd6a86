package io.firstpin.insight.internal;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.when;

import io.firstpin.attendee.AttendeeReads;
import io.firstpin.attendee.Attendees;
import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.EventReads;
import io.firstpin.event.TalkReads;
import io.firstpin.insight.LadderStep;
import io.firstpin.leadership.LeaderRoleReads;
import io.firstpin.member.ActivityFilter;
import io.firstpin.member.MemberActivityListing;
import io.firstpin.member.MemberReads;
import io.firstpin.output.OutputReads;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jooq.CaseConditionStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record7;
import org.jooq.SelectConditionStep;
import org.jooq.SelectSelectStep;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * The staff member list's activity columns and filters, for the member module: per member of a scope (the whole
 * organization, or a community with its branches), up to now, the events attended (the kept attendee rows, so the
 * attendee rule of every KPI; sub-events left out as the KPIs leave them out), the first and last of them, the outputs
 * linked to its events, and the ladder step, each step reached by its own condition of docs/insight.md as
 * {@link io.firstpin.insight.Ladder} counts them, the highest one being the member's. Filtered by activity, the
 * scope's aggregates, filter, order and page are one statement; otherwise the page of members comes first and only
 * their activity is counted.
 */
@Component
class MemberActivityList implements MemberActivityListing {

    private static final String LIGHTNING_TALK = "LIGHTNING_TALK";
    private static final String CASE_STUDY = "CASE_STUDY";

    private final DSLContext db;
    private final Communities communities;
    private final Attendees attendees;
    private final Clock clock;

    MemberActivityList(DSLContext db, Communities communities, Attendees attendees, Clock clock) {
        this.db = db;
        this.communities = communities;
        this.attendees = attendees;
        this.clock = clock;
    }

    @Override
    public List<Scope> scopes(long organizationId) {
        return communities.tree(organizationId).stream()
                .map(p -> new Scope(p.community().slug(), p.community().name(), p.depth()))
                .toList();
    }

    @Override
    public List<String> steps() {
        return Arrays.stream(LadderStep.values()).map(LadderStep::name).toList();
    }

    @Override
    public Slice page(long organizationId, Condition among, ActivityFilter filter, int offset, int limit) {
        attendees.catchUp();
        Collection<Long> scope;
        ZoneId zone;
        if (filter.community() == null) {
            scope = communities.list(organizationId).stream().map(Community::id).toList();
            zone = CommunityProfile.DEFAULT_TIME_ZONE;
        } else {
            Community community = communities.inOrganization(organizationId, filter.community());
            scope = communities.withBranches(community);
            zone = community.timeZone();
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        // without a filter on activity the page is picked from the members alone, and only its members' activity is
        // counted, by index: the plain list and the text search do not aggregate a whole history
        List<Long> only = null;
        Long total = null;
        if (!filter.narrowsByActivity()) {
            var picked = db.select(MemberReads.id(), count().over())
                    .from(MemberReads.members())
                    .where(among)
                    .orderBy(lower(MemberReads.displayName()), MemberReads.id())
                    .limit(limit)
                    .offset(offset)
                    .fetch();
            only = picked.map(r -> r.value1());
            total = picked.isEmpty() ? (long) db.fetchCount(MemberReads.members(), among)
                    : (long) picked.get(0).value2();
            if (only.isEmpty()) {
                return new Slice(List.of(), total);
            }
        }

        EventReads e = EventReads.events();
        Table<?> attended = select(AttendeeReads.memberId().as("member_id"), count().as("events"),
                        min(AttendeeReads.startsAt()).as("first_at"), max(AttendeeReads.startsAt()).as("last_at"))
                .from(AttendeeReads.attendees())
                .join(e.table()).on(e.id().eq(AttendeeReads.eventId()))
                .where(AttendeeReads.communityId().in(scope))
                .and(only == null ? noCondition() : AttendeeReads.memberId().in(only))
                .and(e.ownEvent())
                .and(AttendeeReads.startsAt().lt(now))
                .groupBy(AttendeeReads.memberId())
                .asTable("attended");
        Field<OffsetDateTime> dated = OutputReads.dated(e.startsAt());
        Table<?> written = select(OutputReads.authorId().as("member_id"), countDistinct(OutputReads.id()).as("outputs"))
                .from(OutputReads.links())
                .join(e.table()).on(e.id().eq(OutputReads.linkedEventId()))
                .where(OutputReads.countsForAuthor())
                .and(only == null ? noCondition() : OutputReads.authorId().in(only))
                .and(e.communityId().in(scope))
                .and(e.startsAt().lt(now))
                .and(dated.lt(now))
                .groupBy(OutputReads.authorId())
                .asTable("written");
        Table<?> talked = select(TalkReads.speakerId().as("member_id"),
                        count().filterWhere(TalkReads.kind().eq(LIGHTNING_TALK)).as("lightning_talks"),
                        count().filterWhere(TalkReads.kind().eq(CASE_STUDY)).as("case_studies"))
                .from(TalkReads.talks())
                .join(e.table()).on(e.id().eq(TalkReads.eventId()))
                .where(TalkReads.kind().in(LIGHTNING_TALK, CASE_STUDY))
                .and(only == null ? noCondition() : TalkReads.speakerId().in(only))
                .and(e.communityId().in(scope))
                .and(e.startsAt().lt(now))
                .groupBy(TalkReads.speakerId())
                .asTable("talked");
        Table<?> led = select(LeaderRoleReads.memberId().as("member_id"))
                .from(LeaderRoleReads.roles())
                .where(LeaderRoleReads.communityId().in(scope))
                .and(only == null ? noCondition() : LeaderRoleReads.memberId().in(only))
                .and(LeaderRoleReads.startedOn().le(today))
                .groupBy(LeaderRoleReads.memberId())
                .asTable("led");

        Field<Integer> events = coalesce(attended.field("events", Integer.class), inline(0));
        Field<OffsetDateTime> firstAt = attended.field("first_at", OffsetDateTime.class);
        Field<OffsetDateTime> lastAt = attended.field("last_at", OffsetDateTime.class);
        Field<Integer> outputs = coalesce(written.field("outputs", Integer.class), inline(0));
        Map<LadderStep, Condition> reached = Map.of(
                LadderStep.ATTENDEE, events.ge(inline(1)),
                LadderStep.REPEATER, events.ge(inline(2)),
                LadderStep.OUTPUT_AUTHOR, outputs.gt(inline(0)),
                LadderStep.LT_SPEAKER, coalesce(talked.field("lightning_talks", Integer.class), inline(0))
                        .gt(inline(0)),
                LadderStep.CASE_STUDY_SPEAKER, coalesce(talked.field("case_studies", Integer.class), inline(0))
                        .gt(inline(0)),
                LadderStep.ORGANIZER, led.field("member_id", Long.class).isNotNull());
        Field<String> step = highest(reached);

        Condition matches = (only == null ? among : MemberReads.id().in(only))
                .and(filter.community() == null ? noCondition() : step.isNotNull())
                .and(filter.lastAttendedFrom() == null ? noCondition()
                        : lastAt.ge(startOf(filter.lastAttendedFrom(), zone)))
                .and(filter.lastAttendedBefore() == null ? noCondition()
                        : lastAt.lt(startOf(filter.lastAttendedBefore(), zone)))
                .and(filter.minEvents() == null ? noCondition() : events.ge(inline(filter.minEvents())))
                .and(filter.maxEvents() == null ? noCondition() : events.le(inline(filter.maxEvents())))
                .and(filter.step() == null ? noCondition() : step.eq(inline(filter.step())));
        List<Record7<Long, Integer, OffsetDateTime, OffsetDateTime, Integer, String, Integer>> rows =
                joined(db.select(MemberReads.id(), events, firstAt, lastAt, outputs, step, count().over()), attended,
                        written, talked, led, matches)
                        .orderBy(lower(MemberReads.displayName()), MemberReads.id())
                        .limit(limit)
                        .offset(only == null ? offset : 0)
                        .fetch();
        long count = total != null ? total
                : rows.isEmpty() ? joined(db.selectCount(), attended, written, talked, led, matches)
                        .fetchOne(0, Long.class)
                : rows.get(0).value7();
        List<Activity> activities = new ArrayList<>();
        for (var row : rows) {
            activities.add(new Activity(row.value1(), row.value2(), day(row.value3(), zone), day(row.value4(), zone),
                    row.value5(), row.value6()));
        }
        return new Slice(activities, count);
    }

    /** The highest step whose condition holds, by the ladder's order: a member's step on the ladder. */
    private static Field<String> highest(Map<LadderStep, Condition> reached) {
        List<LadderStep> downwards = new ArrayList<>(Arrays.asList(LadderStep.values()));
        Collections.reverse(downwards);
        CaseConditionStep<String> step = null;
        for (LadderStep s : downwards) {
            step = step == null ? when(reached.get(s), inline(s.name()))
                    : step.when(reached.get(s), inline(s.name()));
        }
        return step.otherwise(inline((String) null));
    }

    private static <R extends Record> SelectConditionStep<R> joined(SelectSelectStep<R> select, Table<?> attended,
            Table<?> written, Table<?> talked, Table<?> led, Condition matches) {
        Field<Long> member = MemberReads.id();
        return select.from(MemberReads.members())
                .leftJoin(attended).on(attended.field("member_id", Long.class).eq(member))
                .leftJoin(written).on(written.field("member_id", Long.class).eq(member))
                .leftJoin(talked).on(talked.field("member_id", Long.class).eq(member))
                .leftJoin(led).on(led.field("member_id", Long.class).eq(member))
                .where(matches);
    }

    private static OffsetDateTime startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static LocalDate day(OffsetDateTime at, ZoneId zone) {
        return at == null ? null : LocalDate.ofInstant(at.toInstant(), zone);
    }
}
