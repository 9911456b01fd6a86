package io.firstpin.insight;

import io.firstpin.attendee.Attendees;
import io.firstpin.community.Community;
import io.firstpin.insight.LadderReport.ReadyList;
import io.firstpin.insight.LadderReport.ReadyMember;
import io.firstpin.insight.LadderReport.Rung;
import io.firstpin.insight.internal.KpiQueries;
import io.firstpin.insight.internal.KpiQueries.AttendanceSpan;
import io.firstpin.insight.internal.KpiQueries.ScopeEvent;
import io.firstpin.insight.internal.LadderQueries;
import io.firstpin.insight.internal.LadderQueries.Talks;
import io.firstpin.insight.internal.LadderQueries.Written;
import io.firstpin.insight.internal.LeaderQueries;
import io.firstpin.insight.internal.LeaderQueries.RoleRow;
import io.firstpin.platform.Medians;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The ladder of docs/kpis.md (attendee → repeater → output author → LT speaker → case-study speaker → organizer) for a
 * community or a community with its branches, as it stood at the end of a period; one implementation for the dashboard,
 * its CSV and the API. Attendance is counted by {@link KpiQueries}, so an attendee here is an attendee in every KPI.
 * Definitions in docs/insight.md.
 */
@Service
public class Ladder {

    /** How many members of each ready list the dashboard and the API show. */
    public static final int SHOWN = 50;

    private static final List<String> TALKS = List.of("LIGHTNING_TALK", "CASE_STUDY");

    private final CommunityKpis kpis;
    private final KpiQueries attendance;
    private final LadderQueries queries;
    private final LeaderQueries leaders;
    private final Attendees attendees;

    Ladder(CommunityKpis kpis, KpiQueries attendance, LadderQueries queries, LeaderQueries leaders,
            Attendees attendees) {
        this.attendees = attendees;
        this.kpis = kpis;
        this.attendance = attendance;
        this.queries = queries;
        this.leaders = leaders;
    }

    /** The ladder with the {@link #SHOWN} most recently active members of each ready list. */
    public LadderReport of(Community community, boolean withBranches, Period period) {
        return of(community, withBranches, period, SHOWN);
    }

    /** The ladder with the {@code shown} most recently active members of each ready list. */
    public LadderReport of(Community community, boolean withBranches, Period period, int shown) {
        attendees.catchUp();
        List<Long> ids = (withBranches ? kpis.tree(community) : List.of(community)).stream().map(Community::id)
                .toList();
        ZoneId zone = community.timeZone();
        Instant end = period.end(zone);
        Set<Long> staff = queries.staff(community.organizationId());
        Map<Long, Climb> climbs = new HashMap<>();
        Function<Long, Climb> climb = id -> climbs.computeIfAbsent(id, Climb::new);
        KpiQueries.Scope scope = new KpiQueries.Scope(community.id(), withBranches, ids);
        for (AttendanceSpan span : attendance.attendanceSpans(scope, end)) {
            climb.apply(span.memberId()).attended(span.events(), day(span.firstAt(), zone),
                    span.secondAt() == null ? null : day(span.secondAt(), zone), day(span.lastAt(), zone));
        }
        staffAttendance(ids, end, zone, climb);
        for (Written written : queries.outputs(ids, end)) {
            climb.apply(written.memberId()).reach(LadderStep.OUTPUT_AUTHOR, day(written.firstAt(), zone),
                    day(written.lastAt(), zone));
        }
        for (Talks talks : queries.talks(ids, TALKS, end)) {
            climb.apply(talks.memberId()).reach(LadderStep.ofSession(talks.kind()).orElseThrow(),
                    day(talks.firstAt(), zone), day(talks.lastAt(), zone));
        }
        for (RoleRow role : leaders.roles(ids)) {
            if (!role.startedOn().isAfter(period.to())) {
                climb.apply(role.memberId()).reach(LadderStep.ORGANIZER, role.startedOn(), role.startedOn());
            }
        }
        List<Climb> members = climbs.values().stream().filter(c -> !staff.contains(c.memberId())).toList();
        List<Climb> staffClimbs = climbs.values().stream().filter(c -> staff.contains(c.memberId())).toList();
        List<Rung> rungs = new ArrayList<>();
        for (LadderStep step : LadderStep.values()) {
            rungs.add(rung(step, members, staffClimbs, period));
        }
        return new LadderReport(community, withBranches, period, rungs, ready(members, shown));
    }

    /**
     * Staff are left out of the attendee rows, so their attendance comes from the staff query, again with the rule of
     * every KPI; there are few of them, so it is walked here.
     */
    private void staffAttendance(List<Long> ids, Instant end, ZoneId zone, Function<Long, Climb> climb) {
        List<KpiQueries.Attended> attended = attendance.staffAttendance(ids, KpiQueries.BEGINNING, end);
        if (attended.isEmpty()) {
            return;
        }
        Map<Long, ScopeEvent> events = attendance.events(ids, KpiQueries.BEGINNING, end).stream()
                .collect(Collectors.toMap(ScopeEvent::id, Function.identity()));
        Comparator<ScopeEvent> order = Comparator.comparing(ScopeEvent::startsAt).thenComparingLong(ScopeEvent::id);
        attended.stream().collect(Collectors.groupingBy(KpiQueries.Attended::memberId)).forEach((member, rows) -> {
            List<ScopeEvent> own = rows.stream().map(a -> events.get(a.eventId())).sorted(order).toList();
            climb.apply(member).attended(own.size(), day(own.get(0).startsAt(), zone),
                    own.size() > 1 ? day(own.get(1).startsAt(), zone) : null,
                    day(own.get(own.size() - 1).startsAt(), zone));
        });
    }

    private static Rung rung(LadderStep step, List<Climb> members, List<Climb> staff, Period period) {
        List<Climb> on = members.stream().filter(c -> c.has(step)).toList();
        int inPeriod = (int) on.stream().filter(c -> !c.reachedOn(step).isBefore(period.from())).count();
        int staffOn = (int) staff.stream().filter(c -> c.has(step)).count();
        if (step.previous().isEmpty()) {
            return new Rung(step, on.size(), inPeriod, staffOn, null, null, 0, 0);
        }
        LadderStep below = step.previous().get();
        long onBelow = members.stream().filter(c -> c.has(below)).count();
        List<Climb> both = on.stream().filter(c -> c.has(below)).toList();
        // the days are measured over those who took the two steps in the ladder's order; the others are counted apart
        List<Long> days = both.stream().filter(c -> !c.reachedOn(step).isBefore(c.reachedOn(below)))
                .map(c -> ChronoUnit.DAYS.between(c.reachedOn(below), c.reachedOn(step))).toList();
        return new Rung(step, on.size(), inPeriod, staffOn, Ratio.of(both.size(), onBelow),
                Medians.orNull(days), on.size() - both.size(), both.size() - days.size());
    }

    /** Per step between the first and the last, its members without the next step, most recently active first. */
    private List<ReadyList> ready(List<Climb> members, int shown) {
        Comparator<Climb> recentFirst = Comparator.comparing(Climb::lastActiveOn).reversed()
                .thenComparingLong(Climb::memberId);
        Map<LadderStep, List<Climb>> lists = new HashMap<>();
        for (LadderStep step : LadderStep.values()) {
            if (step != LadderStep.ATTENDEE && step.next().isPresent()) {
                LadderStep next = step.next().get();
                lists.put(step, members.stream().filter(c -> c.has(step) && !c.has(next)).sorted(recentFirst)
                        .toList());
            }
        }
        Map<Long, String> names = queries.names(lists.values().stream()
                .flatMap(list -> list.stream().limit(shown)).map(Climb::memberId).collect(Collectors.toSet()));
        List<ReadyList> ready = new ArrayList<>();
        for (LadderStep step : LadderStep.values()) {
            List<Climb> list = lists.get(step);
            if (list != null) {
                ready.add(new ReadyList(step, step.next().orElseThrow(), list.size(), list.stream().limit(shown)
                        .map(c -> new ReadyMember(c.memberId(), names.get(c.memberId()), c.eventsAttended(),
                                c.lastActiveOn()))
                        .toList()));
            }
        }
        return ready;
    }

    private static LocalDate day(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDate();
    }
}
