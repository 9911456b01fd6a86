package io.firstpin.insight;

import io.firstpin.attendee.Attendees;
import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.insight.internal.LeaderQueries;
import io.firstpin.insight.internal.LeaderQueries.CommunityParticipant;
import io.firstpin.insight.internal.LeaderQueries.EventRow;
import io.firstpin.insight.internal.LeaderQueries.RoleRow;
import io.firstpin.leadership.BenchStatus;
import io.firstpin.leadership.LeaderRoles;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Every community of an organization side by side, each on its own (without its branches): the period's newcomer
 * ratio, unique participants and self-running index, this quarter's events and today's leaders. A few set-based
 * queries for all communities together, one round per time zone used, rather than a whole report per community.
 */
@Service
public class OrganizationOverview {

    private final Communities communities;
    private final LeaderQueries queries;
    private final LeaderInsights leaders;
    private final LeaderRoles leaderRoles;
    private final Clock clock;
    private final Attendees attendees;

    OrganizationOverview(Communities communities, LeaderQueries queries, LeaderInsights leaders,
            LeaderRoles leaderRoles, Clock clock, Attendees attendees) {
        this.attendees = attendees;
        this.communities = communities;
        this.queries = queries;
        this.leaders = leaders;
        this.leaderRoles = leaderRoles;
        this.clock = clock;
    }

    /** The columns the overview sorts by. */
    public enum Column {
        NAME,
        NEWCOMER_RATIO,
        EVENTS_THIS_QUARTER,
        ACTIVE_LEADERS,
        SELF_RUNNING_INDEX,
        PARTICIPANTS;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The column named by a query parameter; anything else is the name. */
        public static Column parse(String text) {
            for (Column column : values()) {
                if (column.key().equals(text)) {
                    return column;
                }
            }
            return NAME;
        }
    }

    /**
     * @param newcomerRatio newcomers of the period's events over their attendees (each newcomer is one at exactly one
     *     event); null without attendees
     */
    public record Row(Community community, int depth, Double newcomerRatio, int eventsThisQuarter, int activeLeaders,
            BenchStatus bench, Double selfRunningIndex, int uniqueParticipants) {
    }

    /** Today where the organization's communities meet (the first one's time zone), for the default period. */
    public LocalDate today(long organizationId) {
        ZoneId zone = communities.list(organizationId).stream().findFirst().map(Community::timeZone)
                .orElse(ZoneId.of("UTC"));
        return LocalDate.now(clock.withZone(zone));
    }

    public List<Row> rows(long organizationId, Period period, Column sortBy, boolean descending) {
        attendees.catchUp();
        List<Communities.Placed> placed = communities.tree(organizationId);
        Map<ZoneId, List<Community>> byZone = placed.stream().map(Communities.Placed::community)
                .collect(Collectors.groupingBy(Community::timeZone));
        Map<Long, Row> rows = new HashMap<>();
        byZone.forEach((zone, members) -> {
            List<Long> ids = members.stream().map(Community::id).toList();
            LocalDate today = LocalDate.now(clock.withZone(zone));
            LocalDate quarterStart = today.withDayOfMonth(1)
                    .withMonth((today.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1);
            List<EventRow> thisQuarter = queries.events(ids, quarterStart.atStartOfDay(zone).toInstant(),
                    quarterStart.plusMonths(3).atStartOfDay(zone).toInstant());
            List<EventRow> inPeriod = queries.events(ids, period.start(zone), period.end(zone));
            List<RoleRow> roles = queries.roles(ids);
            List<CommunityParticipant> participants = queries.participants(ids, period.start(zone), period.end(zone));
            for (Community community : members) {
                long id = community.id();
                List<CommunityParticipant> own = participants.stream().filter(p -> p.communityId() == id).toList();
                long attendances = own.stream().mapToLong(CommunityParticipant::events).sum();
                long newcomers = own.stream().filter(p -> !p.attendedBefore()).count();
                int active = (int) roles.stream().filter(r -> r.communityId() == id && r.activeOn(today))
                        .map(RoleRow::memberId).distinct().count();
                SelfRunning selfRunning = leaders.selfRunning(
                        inPeriod.stream().filter(e -> e.communityId() == id).toList(),
                        roles.stream().filter(r -> r.communityId() == id).toList(), period, zone);
                rows.put(id, new Row(community, 0, Ratio.of(newcomers, attendances),
                        (int) thisQuarter.stream().filter(e -> e.communityId() == id).count(), active,
                        leaderRoles.status(active), selfRunning.index(), own.size()));
            }
        });
        List<Row> ordered = new ArrayList<>();
        placed.forEach(p -> {
            Row row = rows.get(p.community().id());
            ordered.add(new Row(row.community(), p.depth(), row.newcomerRatio(), row.eventsThisQuarter(),
                    row.activeLeaders(), row.bench(), row.selfRunningIndex(), row.uniqueParticipants()));
        });
        if (sortBy == Column.NAME && !descending) {
            return ordered;
        }
        Comparator<Row> order = comparator(sortBy);
        if (descending) {
            order = order.reversed();
        }
        // ties, and communities without a value, keep the tree's order
        List<Row> sorted = new ArrayList<>(ordered);
        Comparator<Row> nullsLast = (a, b) -> {
            boolean aMissing = missing(a, sortBy);
            boolean bMissing = missing(b, sortBy);
            return aMissing == bMissing ? 0 : aMissing ? 1 : -1;
        };
        Comparator<Row> byValue = order;
        sorted.sort(nullsLast.thenComparing((a, b) -> missing(a, sortBy) ? 0 : byValue.compare(a, b)));
        return sorted;
    }

    private static boolean missing(Row row, Column column) {
        return switch (column) {
            case NEWCOMER_RATIO -> row.newcomerRatio() == null;
            case SELF_RUNNING_INDEX -> row.selfRunningIndex() == null;
            default -> false;
        };
    }

    private static Comparator<Row> comparator(Column column) {
        return switch (column) {
            case NAME -> Comparator.comparing((Row r) -> r.community().name(), String.CASE_INSENSITIVE_ORDER);
            case NEWCOMER_RATIO -> Comparator.comparing(Row::newcomerRatio, Comparator.nullsLast(Comparator.naturalOrder()));
            case EVENTS_THIS_QUARTER -> Comparator.comparingInt(Row::eventsThisQuarter);
            case ACTIVE_LEADERS -> Comparator.comparingInt(Row::activeLeaders);
            case SELF_RUNNING_INDEX -> Comparator.comparing(Row::selfRunningIndex,
                    Comparator.nullsLast(Comparator.naturalOrder()));
            case PARTICIPANTS -> Comparator.comparingInt(Row::uniqueParticipants);
        };
    }
}
