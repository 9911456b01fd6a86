package io.firstpin.insight;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.insight.internal.KpiQueries.EventCounts;
import io.firstpin.insight.internal.KpiQueries.Participant;
import io.firstpin.insight.internal.KpiQueries.ScopeEvent;
import io.firstpin.insight.internal.KpiQueries.Seats;
import io.firstpin.insight.internal.KpiQueries;
import io.firstpin.output.Outputs;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * The one implementation of the KPIs in PRODUCT.md, used by the dashboard, the API and the CSV exports alike, so their
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

    CommunityKpis(Communities communities, KpiQueries queries, Outputs outputs, InsightSettings settings,
            Clock clock) {
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

    @Transactional(readOnly = true)
    public CommunityReport report(Community community, boolean withBranches, Period period) {
        List<Community> scope = withBranches ? tree(community) : List.of(community);
        Set<Long> ids = scope.stream().map(Community::id).collect(Collectors.toSet());
        ZoneId zone = community.timeZone();
        Instant from = period.start(zone);
        Instant to = period.end(zone);
        // a return within 12 months of a first event in the period happens before this
        Instant horizon = period.to().plusDays(1).atStartOfDay(zone).plusMonths(Cohort.WINDOWS.get(Cohort.WINDOWS.size() - 1))
                .toInstant();

        List<ScopeEvent> history = queries.events(ids, to);
        List<KpiQueries.Attended> staff = queries.staffAttendance(ids, from, to);
        List<Participant> participants = queries.participants(ids, from, to, horizon);
        List<EventKpis> events = eventKpis(history, ids, from, to, staff, participants);
        Participation participation = new Participation(participants.size(),
                (int) participants.stream().filter(p -> p.eventsInPeriod() >= 2).count(),
                (int) staff.stream().map(KpiQueries.Attended::memberId).distinct().count());
        return new CommunityReport(community, withBranches, period, events, participation,
                cohorts(participants, zone), footprint(scope, history, period, zone, ids),
                settings.newcomerBand());
    }

    private List<EventKpis> eventKpis(List<ScopeEvent> history, Set<Long> ids, Instant from, Instant to,
            List<KpiQueries.Attended> staffAttendance, List<Participant> participants) {
        int first = 0;
        while (first < history.size() && history.get(first).startsAt().isBefore(from)) {
            first++;
        }
        if (first == history.size()) {
            return List.of();
        }
        Instant since = first > 0 ? history.get(first - 1).startsAt() : from;
        Map<Long, EventCounts> counts = queries.eventCounts(ids, since, to).stream()
                .collect(Collectors.toMap(EventCounts::eventId, Function.identity()));
        Map<Long, Seats> seats = queries.confirmedSeats(ids, from, to).stream()
                .collect(Collectors.toMap(Seats::eventId, Function.identity()));
        Map<Long, Integer> staff = new HashMap<>();
        staffAttendance.forEach(a -> staff.merge(a.eventId(), 1, Integer::sum));
        Map<Long, Integer> newcomers = new HashMap<>();
        participants.stream().filter(p -> p.firstEventId() != null)
                .forEach(p -> newcomers.merge(p.firstEventId(), 1, Integer::sum));

        // outputs as the output module links them to events, explicitly or by its rules
        Map<Long, Outputs.OutputCount> written = outputs.countsByEvent(
                history.subList(first, history.size()).stream().map(ScopeEvent::id).toList());
        List<EventKpis> result = new ArrayList<>();
        for (int i = first; i < history.size(); i++) {
            ScopeEvent event = history.get(i);
            EventCounts own = counts.getOrDefault(event.id(), new EventCounts(event.id(), 0, 0));
            Seats seated = seats.getOrDefault(event.id(), new Seats(event.id(), 0, 0));
            Integer previousAttendees = i == 0 ? null
                    : counts.getOrDefault(history.get(i - 1).id(), new EventCounts(0, 0, 0)).attendees();
            result.add(new EventKpis(event.id(), event.communityId(), event.title(), event.startsAt(),
                    event.prefectureCode(), event.city(),
                    event.checkedIn() ? AttendanceBasis.CHECKIN : AttendanceBasis.REGISTRATION, own.attendees(),
                    newcomers.getOrDefault(event.id(), 0), i == 0 ? null : own.returningFromPrevious(),
                    previousAttendees,
                    staff.getOrDefault(event.id(), 0), seated.confirmed(),
                    event.checkedIn() ? seated.noShows() : null,
                    written.getOrDefault(event.id(), Outputs.OutputCount.NONE).outputs(),
                    written.getOrDefault(event.id(), Outputs.OutputCount.NONE).authors()));
        }
        return result;
    }

    /**
     * Cohorts of the participants whose first event in scope falls in the period. A window counts only once it has
     * passed for every member of the cohort, so a young cohort shows no number rather than a low one.
     */
    private List<Cohort> cohorts(List<Participant> participants, ZoneId zone) {
        Map<YearMonth, List<Participant>> byMonth = new TreeMap<>();
        for (Participant p : participants) {
            if (p.firstAt() != null) {
                byMonth.computeIfAbsent(YearMonth.from(p.firstAt().atZone(zone)), m -> new ArrayList<>()).add(p);
            }
        }
        Instant now = clock.instant();
        List<Cohort> cohorts = new ArrayList<>();
        byMonth.forEach((month, members) -> {
            ZonedDateTime monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(zone);
            List<Cohort.Retention> retention = Cohort.WINDOWS.stream().map(window -> {
                if (monthEnd.plusMonths(window).toInstant().isAfter(now)) {
                    return Cohort.Retention.of(window, null, members.size());
                }
                int returned = (int) members.stream().filter(p -> p.secondAt() != null
                        && !p.secondAt().isAfter(p.firstAt().atZone(zone).plusMonths(window).toInstant())).count();
                return Cohort.Retention.of(window, returned, members.size());
            }).toList();
            cohorts.add(new Cohort(month, members.size(), retention));
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
        return median(gaps);
    }

    /** The middle value, or the mean of the two middle ones; null for none. */
    static Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }
}
