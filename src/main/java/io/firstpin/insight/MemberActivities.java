package io.firstpin.insight;

import io.firstpin.attendee.Attendees;
import io.firstpin.community.Community;
import io.firstpin.insight.internal.KpiQueries;
import io.firstpin.insight.internal.LeaderQueries;
import io.firstpin.insight.internal.LeaderQueries.Authored;
import io.firstpin.insight.internal.LeaderQueries.MemberAt;
import io.firstpin.insight.internal.LeaderQueries.Person;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Per member, what they did in a scope, by the KPIs' own definitions (attendees, linked outputs, speakers), for other
 * modules that pick members by it (member segments) and must count exactly as the dashboard does.
 */
@Service
public class MemberActivities {

    // before any community's history; the lower bound of "ever"

    private final CommunityKpis kpis;
    private final LeaderQueries queries;
    private final Clock clock;
    private final Attendees attendees;

    MemberActivities(CommunityKpis kpis, LeaderQueries queries, Clock clock, Attendees attendees) {
        this.attendees = attendees;
        this.kpis = kpis;
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * Everyone who attended an event of the community (with its branches) up to now, staff included and flagged, with
     * the events they attended since {@code since}, their outputs and their talks there.
     */
    public List<MemberActivity> of(Community community, boolean withBranches, Instant since) {
        attendees.catchUp();
        List<Long> ids = (withBranches ? kpis.tree(community) : List.of(community)).stream().map(Community::id)
                .toList();
        Instant now = clock.instant();
        Map<Long, Integer> ever = queries.eventsAttended(ids, KpiQueries.BEGINNING, now);
        Map<Long, Integer> recent = queries.eventsAttended(ids, since, now);
        Map<Long, Set<Long>> outputs = new HashMap<>();
        for (Authored o : queries.outputs(ids, KpiQueries.BEGINNING, now)) {
            outputs.computeIfAbsent(o.memberId(), m -> new HashSet<>()).add(o.outputId());
        }
        Map<Long, Integer> talks = new HashMap<>();
        for (String kind : List.of("LIGHTNING_TALK", "CASE_STUDY")) {
            for (MemberAt s : queries.speakers(ids, kind, KpiQueries.BEGINNING, now)) {
                talks.merge(s.memberId(), 1, Integer::sum);
            }
        }
        return queries.people(ever.keySet()).stream()
                .map(p -> activity(p, ever, recent, outputs, talks))
                .toList();
    }

    private static MemberActivity activity(Person person, Map<Long, Integer> ever, Map<Long, Integer> recent,
            Map<Long, Set<Long>> outputs, Map<Long, Integer> talks) {
        return new MemberActivity(person.id(), person.staff(), recent.getOrDefault(person.id(), 0),
                ever.get(person.id()), outputs.getOrDefault(person.id(), Set.of()).size(),
                talks.getOrDefault(person.id(), 0));
    }
}
