package io.firstpin.insight;

import io.firstpin.attendee.Attendees;
import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.insight.internal.KpiQueries.Return;
import io.firstpin.insight.internal.KpiQueries.ScopeEvent;
import io.firstpin.insight.internal.KpiQueries.Seats;
import io.firstpin.insight.internal.KpiQueries.WalkedEvent;
import io.firstpin.insight.internal.KpiQueries;
import io.firstpin.output.Outputs;
import io.firstpin.platform.Medians;
import io.firstpin.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The one implementation of the KPIs in docs/kpis.md, used by the dashboard, the API and the CSV exports alike, so their
 * numbers never disagree. A scope is a community, or a community with all its branches at any depth; "earlier" and
 * "previous" go by event start time, ties broken by event id, across every event in scope, in the period or before it.
 */
@Service
public class CommunityKpis {

    private final Communities communities;
    private final KpiQueries queries;
    private final Outputs outputs;
    private final InsightSettings settings;
    private final Clock clock;
    private final Attendees attendees;

    CommunityKpis(Communities communities, KpiQueries queries, Outputs outputs, InsightSettings settings,
            Clock clock, Attendees attendees) {
        this.attendees = attendees;
        this.communities = communities;
        this.outputs = outputs;
        this.queries = queries;
        this.settings = settings;
        this.clock = clock;
    }

    /** Today in the community's time zone, for a period picked relative to now. */
    public LocalDate today(Community community) {
        return LocalDate.now(clock.withZone(community.timeZone()));
    }

    /** The community itself, or one of its branches at any depth; any other community is not found here. */
    public Community withinTree(Community root, String slug) {
        if (slug == null || slug.isBlank() || slug.equals(root.slug())) {
            return root;
        }
        return tree(root).stream()
                .filter(c -> c.slug().equals(slug.strip()))
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("community", slug.strip()));
    }

    /** The community followed by its branches at any depth, by name. */
    public List<Community> tree(Community root) {
        Set<Long> ids = communities.withBranches(root);
        List<Community> branches = communities.list(root.organizationId()).stream()
                .filter(c -> ids.contains(c.id()) && !c.id().equals(root.id()))
                .sorted(Comparator.comparing(Community::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        List<Community> all = new ArrayList<>();
        all.add(root);
        all.addAll(branches);
        return all;
    }

    /**
     * The KPIs of the community, or of it with its branches, over the period. Not one transaction: the kept attendee
     * rows are brought up to date first, in a transaction of their own, and a reader holding a connection meanwhile
     * would need two at once.
     */
    public CommunityReport report(Community community, boolean withBranches, Period period) {
        attendees.catchUp();
        List<Community> scope = withBranches ? tree(community) : List.of(community);
        Set<Long> ids = scope.stream().map(Community::id).collect(Collectors.toSet());
        KpiQueries.Scope walks = new KpiQueries.Scope(community.id(), withBranches, ids);
        ZoneId zone = community.timeZone();
        Instant from = period.start(zone);
        Instant to = period.end(zone);

        List<ScopeEvent> history = queries.events(ids, from, to);
        int first = 0;
        while (first < history.size() && history.get(first).startsAt().isBefore(from)) {
            first++;
        }
        Instant since = first > 0 ? history.get(first - 1).startsAt() : from;
        Map<Long, WalkedEvent> walked = queries.walkedEvents(walks, since, from, to).stream()
                .collect(Collectors.toMap(WalkedEvent::eventId, Function.identity()));
        List<ScopeEvent> inPeriod = history.subList(first, history.size());
        List<KpiQueries.Attended> staff = queries.staffAttendance(ids, from, to);
        Map<Long, Integer> newToOrganization = newToOrganization(community,
                history.subList(first, history.size()).stream().map(ScopeEvent::id).toList());
        List<EventKpis> events = eventKpis(history, first, walked, ids, from, to, staff, newToOrganization);
        int participants = 0;
        int repeaters = 0;
        for (ScopeEvent event : inPeriod) {
            WalkedEvent w = walked.get(event.id());
            if (w != null) {
                participants += w.firstSincePeriodStart();
                repeaters += w.secondSincePeriodStart();
            }
        }
        Participation participation = new Participation(participants, repeaters,
                (int) staff.stream().map(KpiQueries.Attended::memberId).distinct().count());
        return new CommunityReport(community, withBranches, period, events, participation,
                cohorts(inPeriod, walked, queries.returns(walks, from, to), zone),
                footprint(scope, history, period, zone, ids), settings.newcomerBand());
    }

    /**
     * The headline figures of the community, or of it with its branches, over the period, without the per-event
     * figures, cohorts and outputs of a {@link #report}: for comparing with a previous period at a fraction of a
     * report's cost. The same numbers as {@link PeriodSummary#of} of the period's report.
     */
    public PeriodSummary summary(Community community, boolean withBranches, Period period) {
        attendees.catchUp();
        List<Community> scope = withBranches ? tree(community) : List.of(community);
        Set<Long> ids = scope.stream().map(Community::id).collect(Collectors.toSet());
        ZoneId zone = community.timeZone();
        Instant from = period.start(zone);
        Instant to = period.end(zone);
        List<ScopeEvent> history = queries.events(ids, from, to);
        List<ScopeEvent> inPeriod = history.stream().filter(e -> !e.startsAt().isBefore(from)).toList();
        WalkedEvent totals = queries.periodTotals(new KpiQueries.Scope(community.id(), withBranches, ids), from, to);
        int staff = (int) queries.staffAttendance(ids, from, to).stream().map(KpiQueries.Attended::memberId)
                .distinct().count();
        Footprint footprint = footprint(scope, history, period, zone, ids);
        return new PeriodSummary(period, inPeriod.size(),
                new Participation(totals.firstSincePeriodStart(), totals.secondSincePeriodStart(), staff),
                totals.newcomers(), footprint.prefectureCodes().size(), footprint.cities(), footprint.online());
    }

    /**
     * Per event, its attendees new to the whole organization: asked of the walk through the top-level community whose
     * tree holds the scope, and of the organization's other top-level communities.
     */
    private Map<Long, Integer> newToOrganization(Community community, List<Long> eventIds) {
        List<Community> all = communities.list(community.organizationId());
        Map<Long, Long> parents = new HashMap<>();
        all.forEach(c -> parents.put(c.id(), c.parentId()));
        long root = community.id();
        while (parents.get(root) != null) {
            root = parents.get(root);
        }
        long top = root;
        List<Long> otherRoots = all.stream().filter(c -> !c.isBranch() && c.id() != top).map(Community::id).toList();
        return queries.newToOrganization(top, otherRoots, eventIds);
    }

    private List<EventKpis> eventKpis(List<ScopeEvent> history, int first, Map<Long, WalkedEvent> walked,
            Set<Long> ids, Instant from, Instant to, List<KpiQueries.Attended> staffAttendance,
            Map<Long, Integer> newToOrganization) {
        if (first == history.size()) {
            return List.of();
        }
        Map<Long, Seats> seats = queries.confirmedSeats(ids, from, to).stream()
                .collect(Collectors.toMap(Seats::eventId, Function.identity()));
        Map<Long, Integer> staff = new HashMap<>();
        staffAttendance.forEach(a -> staff.merge(a.eventId(), 1, Integer::sum));
        WalkedEvent none = new WalkedEvent(0, 0, 0, 0, 0, 0);

        // outputs as the output module links them to events, explicitly or by its rules
        Map<Long, Outputs.OutputCount> written = outputs.countsByEvent(
                history.subList(first, history.size()).stream().map(ScopeEvent::id).toList());
        List<EventKpis> result = new ArrayList<>();
        for (int i = first; i < history.size(); i++) {
            ScopeEvent event = history.get(i);
            WalkedEvent own = walked.getOrDefault(event.id(), none);
            Seats seated = seats.getOrDefault(event.id(), new Seats(event.id(), 0, 0));
            Integer previousAttendees = i == 0 ? null : walked.getOrDefault(history.get(i - 1).id(), none).attendees();
            result.add(new EventKpis(event.id(), event.communityId(), event.title(), event.startsAt(),
                    event.prefectureCode(), event.city(),
                    event.checkedIn() ? AttendanceBasis.CHECKIN : AttendanceBasis.REGISTRATION, own.attendees(),
                    own.newcomers(), newToOrganization.getOrDefault(event.id(), 0), i == 0 ? null : own.returningFromPrevious(), previousAttendees,
                    staff.getOrDefault(event.id(), 0), seated.confirmed(),
                    event.checkedIn() ? seated.noShows() : null,
                    written.getOrDefault(event.id(), Outputs.OutputCount.NONE).outputs(),
                    written.getOrDefault(event.id(), Outputs.OutputCount.NONE).authors(), event.kind()));
        }
        return result;
    }

    /**
     * Cohorts of the participants whose first event in scope falls in the period, by the month of that event. A window
     * counts only once it has passed for every member of the cohort, so a young cohort shows no number rather than a
     * low one.
     */
    private List<Cohort> cohorts(List<ScopeEvent> inPeriod, Map<Long, WalkedEvent> walked, List<Return> returns,
            ZoneId zone) {
        Map<YearMonth, Integer> sizes = new TreeMap<>();
        for (ScopeEvent event : inPeriod) {
            WalkedEvent w = walked.get(event.id());
            if (w != null && w.newcomers() > 0) {
                sizes.merge(YearMonth.from(event.startsAt().atZone(zone)), w.newcomers(), Integer::sum);
            }
        }
        Map<YearMonth, List<Return>> returnsByMonth = new HashMap<>();
        returns.forEach(r -> returnsByMonth.computeIfAbsent(YearMonth.from(r.firstAt().atZone(zone)),
                m -> new ArrayList<>()).add(r));
        Instant now = clock.instant();
        List<Cohort> cohorts = new ArrayList<>();
        sizes.forEach((month, size) -> {
            ZonedDateTime monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(zone);
            List<Return> returned = returnsByMonth.getOrDefault(month, List.of());
            List<Cohort.Retention> retention = Cohort.WINDOWS.stream().map(window -> {
                if (monthEnd.plusMonths(window).toInstant().isAfter(now)) {
                    return Cohort.Retention.of(window, null, size);
                }
                int back = (int) returned.stream().filter(r -> !r.secondAt()
                        .isAfter(r.firstAt().atZone(zone).plusMonths(window).toInstant())).count();
                return Cohort.Retention.of(window, back, size);
            }).toList();
            cohorts.add(new Cohort(month, size, retention));
        });
        return cohorts;
    }

    private Footprint footprint(List<Community> scope, List<ScopeEvent> history, Period period, ZoneId zone,
            Set<Long> ids) {
        Instant from = period.start(zone);
        List<ScopeEvent> inPeriod = history.stream().filter(e -> !e.startsAt().isBefore(from)).toList();
        Map<String, Integer> quarters = new LinkedHashMap<>();
        for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusMonths(3).withDayOfMonth(1)) {
            quarters.put(quarter(day), 0);
        }
        Set<String> prefectures = new TreeSet<>();
        Set<String> cities = new HashSet<>();
        int online = 0;
        for (ScopeEvent event : inPeriod) {
            LocalDate day = event.startsAt().atZone(zone).toLocalDate();
            quarters.merge(quarter(day), 1, Integer::sum);
            if (event.prefectureCode() != null) {
                prefectures.add(event.prefectureCode());
                if (event.city() != null && !event.city().isBlank()) {
                    cities.add(event.prefectureCode() + "/" + event.city().strip());
                }
            } else if (event.online()) {
                online++;
            }
        }
        Map<Long, Instant> firstEvents = queries.firstEvents(ids);
        List<Footprint.CommunityPace> paces = scope.stream().map(community -> {
            List<LocalDate> days = inPeriod.stream().filter(e -> e.communityId() == community.id())
                    .map(e -> e.startsAt().atZone(zone).toLocalDate()).toList();
            Instant firstEvent = firstEvents.get(community.id());
            Long toFirst = !community.isBranch() || firstEvent == null ? null
                    : Math.max(0, ChronoUnit.DAYS.between(community.createdAt().atZone(zone).toLocalDate(),
                            firstEvent.atZone(zone).toLocalDate()));
            return new Footprint.CommunityPace(community.id(), community.slug(), community.name(), community.isBranch(),
                    days.size(), medianGap(days), firstEvent, toFirst);
        }).toList();
        return new Footprint(quarters.entrySet().stream()
                .map(q -> new Footprint.QuarterCount(q.getKey(), q.getValue())).toList(),
                List.copyOf(prefectures), cities.size(), online, paces);
    }

    private static String quarter(LocalDate day) {
        return day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
    }

    private static Double medianGap(List<LocalDate> days) {
        if (days.size() < 2) {
            return null;
        }
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < days.size(); i++) {
            gaps.add(ChronoUnit.DAYS.between(days.get(i - 1), days.get(i)));
        }
        return Medians.orNull(gaps);
    }

    /** The middle value, or the mean of the two middle ones; null for none. */
}
