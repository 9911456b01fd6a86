package io.firstpin.insight;

import io.firstpin.attendee.Attendees;
import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.insight.internal.LeaderQueries;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Every community of an organization side by side, each on its own (without its branches): the period's newcomer
 * ratio, unique participants and self-running index, this quarter's events and today's leaders. A few set-based
 * queries for all communities together, one round per time zone used, rather than a whole report per community; and
 * the organization's totals as one scope.
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

    /**
     * The organization's totals as one scope: a person in two communities is one participant, a newcomer is new to
     * the whole organization, the leaders are distinct members, and the index is over all the period's events.
     */
    public record Total(Double newcomerRatio, int eventsThisQuarter, int activeLeaders, Double selfRunningIndex,
            int uniqueParticipants) {
    }

    /** The rows in the order asked for, and the organization's totals. */
    public record Table(List<Row> rows, Total total) {
    }

    public List<Row> rows(long organizationId, Period period, Column sortBy, boolean descending) {
        return table(organizationId, period, sortBy, descending).rows();
    }

    public Table table(long organizationId, Period period, Column sortBy, boolean descending) {
        attendees.catchUp();
        List<Communities.Placed> placed = communities.tree(organizationId);
        Map<ZoneId, List<Community>> byZone = placed.stream().map(Communities.Placed::community)
                .collect(Collectors.groupingBy(Community::timeZone));
        Map<Long, Row> rows = new HashMap<>();
        Set<Long> activeLeaders = new HashSet<>();
        int eventsThisQuarter = 0;
        SelfRunning.Counts selfRun = new SelfRunning.Counts(0, 0, 0);
        for (Map.Entry<ZoneId, List<Community>> inZone : byZone.entrySet()) {
            ZoneId zone = inZone.getKey();
            List<Community> members = inZone.getValue();
            List<Long> ids = members.stream().map(Community::id).toList();
            LocalDate today = LocalDate.now(clock.withZone(zone));
            LocalDate quarterStart = today.withDayOfMonth(1)
                    .withMonth((today.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1);
            Map<Long, Long> thisQuarter = queries.events(ids, quarterStart.atStartOfDay(zone).toInstant(),
                    quarterStart.plusMonths(3).atStartOfDay(zone).toInstant()).stream()
                    .collect(Collectors.groupingBy(EventRow::communityId, Collectors.counting()));
            Map<Long, List<EventRow>> inPeriod = queries.events(ids, period.start(zone), period.end(zone)).stream()
                    .collect(Collectors.groupingBy(EventRow::communityId));
            Map<Long, List<RoleRow>> roles = queries.roles(ids).stream()
                    .collect(Collectors.groupingBy(RoleRow::communityId));
            Map<Long, LeaderQueries.Totals> totals = queries.communityTotals(ids, period.start(zone),
                    period.end(zone));
            for (Community community : members) {
                long id = community.id();
                List<RoleRow> own = roles.getOrDefault(id, List.of());
                List<Long> active = own.stream().filter(r -> r.activeOn(today)).map(RoleRow::memberId).distinct()
                        .toList();
                activeLeaders.addAll(active);
                SelfRunning selfRunning = leaders.selfRunning(inPeriod.getOrDefault(id, List.of()), own, period, zone);
                selfRun = selfRun.plus(selfRunning.total());
                LeaderQueries.Totals counted = totals.getOrDefault(id, new LeaderQueries.Totals(0, 0, 0));
                int quarter = thisQuarter.getOrDefault(id, 0L).intValue();
                eventsThisQuarter += quarter;
                rows.put(id, new Row(community, 0, Ratio.of(counted.newcomers(), counted.attendances()), quarter,
                        active.size(), leaderRoles.status(active.size()), selfRunning.index(), counted.participants()));
            }
        }
        ZoneId zone = placed.isEmpty() ? ZoneId.of("UTC") : placed.get(0).community().timeZone();
        LeaderQueries.Totals organization = queries.organizationTotals(placed.stream()
                .filter(p -> p.depth() == 0).map(p -> p.community().id()).toList(), period.start(zone),
                period.end(zone));
        Total total = new Total(Ratio.of(organization.newcomers(), organization.attendances()), eventsThisQuarter,
                activeLeaders.size(), selfRun.index(), organization.participants());
        return new Table(sorted(placed, rows, sortBy, descending), total);
    }

    private static List<Row> sorted(List<Communities.Placed> placed, Map<Long, Row> rows, Column sortBy,
            boolean descending) {
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
