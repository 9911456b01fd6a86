package io.firstpin.insight;

import io.firstpin.attendee.Attendees;
import io.firstpin.community.Community;
import io.firstpin.insight.internal.LeaderQueries;
import io.firstpin.insight.internal.LeaderQueries.EventRow;
import io.firstpin.insight.internal.LeaderQueries.Person;
import io.firstpin.insight.internal.LeaderQueries.RoleRow;
import io.firstpin.leadership.LeaderRoles;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The leader bench, the self-running index and the leader candidates of docs/kpis.md (defined in docs/insight.md),
 * for the dashboard, the KPI API and the organization overview alike.
 */
@Service
public class LeaderInsights {

    private final CommunityKpis kpis;
    private final LeaderQueries queries;
    private final LeaderRoles leaderRoles;
    private final LoveSettings love;
    private final LoveScores loveScores;
    private final Clock clock;
    private final Attendees attendees;

    LeaderInsights(CommunityKpis kpis, LeaderQueries queries, LeaderRoles leaderRoles, LoveSettings love,
            LoveScores loveScores, Clock clock, Attendees attendees) {
        this.attendees = attendees;
        this.kpis = kpis;
        this.queries = queries;
        this.leaderRoles = leaderRoles;
        this.love = love;
        this.loveScores = loveScores;
        this.clock = clock;
    }

    public LeaderReport report(Community community, boolean withBranches, Period period) {
        attendees.catchUp();
        List<Community> scope = withBranches ? kpis.tree(community) : List.of(community);
        List<Long> ids = scope.stream().map(Community::id).toList();
        ZoneId zone = community.timeZone();
        List<RoleRow> roles = queries.roles(ids);
        LocalDate on = referenceDay(period, zone);
        List<EventRow> events = queries.events(ids, period.start(zone), period.end(zone));
        return new LeaderReport(bench(scope, roles, period, on), selfRunning(events, roles, period, zone));
    }

    /**
     * The members ranked by love for the community (with its branches), current leaders left out, staff apart. Apart
     * from {@link #report}, as it reads the scope's activity of the whole love window.
     */
    public LeaderCandidates candidates(Community community, boolean withBranches, Period period) {
        attendees.catchUp();
        List<Community> scope = withBranches ? kpis.tree(community) : List.of(community);
        List<Long> ids = scope.stream().map(Community::id).toList();
        ZoneId zone = community.timeZone();
        Instant until = period.end(zone).isBefore(clock.instant()) ? period.end(zone) : clock.instant();
        List<List<LeaderCandidate>> ranked = candidates(ids, queries.roles(ids), referenceDay(period, zone), until,
                zone);
        return new LeaderCandidates(ranked.get(0), ranked.get(1));
    }

    /** The period's last day, or today while the period runs. */
    LocalDate referenceDay(Period period, ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return period.to().isAfter(today) ? today : period.to();
    }

    LeaderBench bench(List<Community> scope, List<RoleRow> roles, Period period, LocalDate on) {
        long days = ChronoUnit.DAYS.between(period.from(), period.to()) + 1;
        List<LeaderBench.CommunityBench> benches = new ArrayList<>();
        Set<Long> active = new HashSet<>();
        int starts = 0;
        int ends = 0;
        for (Community community : scope) {
            List<RoleRow> own = roles.stream().filter(r -> r.communityId() == community.id()).toList();
            List<LeaderBench.Tenure> leaders = own.stream().filter(r -> r.activeOn(on))
                    .map(r -> new LeaderBench.Tenure(r.memberId(), r.displayName(), r.staff(), r.startedOn(),
                            ChronoUnit.DAYS.between(r.startedOn(), on), ChronoUnit.MONTHS.between(r.startedOn(), on)))
                    .toList();
            leaders.forEach(l -> active.add(l.memberId()));
            int started = (int) own.stream().filter(r -> within(r.startedOn(), period)).count();
            int ended = (int) own.stream().filter(r -> r.endedOn() != null && within(r.endedOn(), period)).count();
            starts += started;
            ends += ended;
            benches.add(new LeaderBench.CommunityBench(community.id(), community.slug(), community.name(), leaders,
                    leaderRoles.status(leaders.size()), started, ended, perYear(started + ended, days)));
        }
        return new LeaderBench(on, leaderRoles.target(), active.size(), leaderRoles.status(active.size()), starts, ends,
                perYear(starts + ends, days), benches);
    }

    SelfRunning selfRunning(List<EventRow> events, List<RoleRow> roles, Period period, ZoneId zone) {
        Map<String, SelfRunning.Counts> quarters = new LinkedHashMap<>();
        for (LocalDate day = period.from().withDayOfMonth(1).withMonth(firstMonthOfQuarter(period.from()));
                !day.isAfter(period.to()); day = day.plusMonths(3)) {
            quarters.put(quarter(day), new SelfRunning.Counts(0, 0, 0));
        }
        SelfRunning.Counts total = new SelfRunning.Counts(0, 0, 0);
        List<SelfRunning.OrganizedEvent> organized = new ArrayList<>();
        for (EventRow event : events) {
            LocalDate day = event.startsAt().atZone(zone).toLocalDate();
            List<RoleRow> organizers = roles.stream()
                    .filter(r -> r.communityId() == event.communityId() && r.activeOn(day)).toList();
            SelfRunning.Organized kind = organizers.isEmpty() ? SelfRunning.Organized.UNKNOWN
                    : organizers.stream().anyMatch(RoleRow::staff) ? SelfRunning.Organized.STAFF_RUN
                    : SelfRunning.Organized.SELF_RUN;
            total = total.plus(kind);
            quarters.merge(quarter(day), new SelfRunning.Counts(0, 0, 0).plus(kind),
                    (a, b) -> a.plus(kind));
            organized.add(new SelfRunning.OrganizedEvent(event.id(), event.communityId(), event.title(),
                    event.startsAt(), kind, organizers.stream().map(RoleRow::displayName).toList()));
        }
        return new SelfRunning(total, quarters.entrySet().stream()
                .map(q -> new SelfRunning.Quarter(q.getKey(), q.getValue())).toList(), organized);
    }

    /** The members ranked by love for the scope, current leaders of the scope left out, members and staff apart. */
    private List<List<LeaderCandidate>> candidates(List<Long> ids, List<RoleRow> roles, LocalDate on, Instant until,
            ZoneId zone) {
        LoveScores.Scores scores = loveScores.of(ids, roles, until, zone);
        Map<Long, LoveScores.Tally> tallies = new HashMap<>(scores.tallies());
        roles.stream().filter(r -> r.activeOn(on)).map(RoleRow::memberId).forEach(tallies::remove);
        Map<Long, Person> people = queries.people(tallies.keySet()).stream()
                .collect(Collectors.toMap(Person::id, Function.identity()));
        List<LeaderCandidate> ranked = tallies.values().stream()
                .filter(t -> people.containsKey(t.memberId()))
                .map(t -> t.candidate(people.get(t.memberId()), scores.recentEvents()))
                .sorted(Comparator.comparingDouble(LeaderCandidate::love).reversed()
                        .thenComparingLong(LeaderCandidate::memberId))
                .toList();
        return List.of(ranked.stream().filter(c -> !c.staff()).limit(love.candidates()).toList(),
                ranked.stream().filter(LeaderCandidate::staff).limit(love.candidates()).toList());
    }

    private static boolean within(LocalDate day, Period period) {
        return !day.isBefore(period.from()) && !day.isAfter(period.to());
    }

    private static double perYear(int changes, long days) {
        return BigDecimal.valueOf(changes * 365L).divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static int firstMonthOfQuarter(LocalDate day) {
        return (day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1;
    }

    static String quarter(LocalDate day) {
        return day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
    }
}
