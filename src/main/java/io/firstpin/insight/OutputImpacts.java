package io.firstpin.insight;

import io.firstpin.insight.internal.KpiQueries;
import io.firstpin.output.LinkedOutput;
import io.firstpin.output.OutputType;
import io.firstpin.output.Outputs;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The output KPIs of docs/kpis.md for a report's events: output rate, community-to-media ratio, burst and decay; one
 * implementation for the dashboard, its CSV and the API. Outputs count as the output module links them to events,
 * explicitly or by its rules; attendees as the report's.
 */
@Service
public class OutputImpacts {

    private final KpiQueries queries;
    private final Outputs outputs;

    OutputImpacts(KpiQueries queries, Outputs outputs) {
        this.queries = queries;
        this.outputs = outputs;
    }

    @Transactional(readOnly = true)
    public OutputImpact of(CommunityReport report) {
        List<Long> eventIds = report.events().stream().map(EventKpis::id).toList();
        if (eventIds.isEmpty()) {
            return new OutputImpact(List.of(), 0, 0);
        }
        ZoneId zone = report.zone();
        List<LinkedOutput> all = outputs.linkedTo(eventIds);
        Map<Long, List<LinkedOutput>> linked = all.stream().collect(Collectors.groupingBy(LinkedOutput::eventId));
        // of the attendees only the authors matter, so they are asked for rather than every attendee read
        Map<Long, Set<Long>> attendees = new HashMap<>();
        queries.attendedAmong(linked.keySet(), all.stream().map(LinkedOutput::authorMemberId)
                        .filter(Objects::nonNull).collect(Collectors.toSet()))
                .forEach(a -> attendees.computeIfAbsent(a.eventId(), id -> new HashSet<>()).add(a.memberId()));

        List<OutputImpact.EventImpact> events = new ArrayList<>();
        for (EventKpis event : report.events()) {
            List<LinkedOutput> own = linked.getOrDefault(event.id(), List.of());
            Set<Long> attended = attendees.getOrDefault(event.id(), Set.of());
            int attendeeAuthors = (int) own.stream().map(LinkedOutput::authorMemberId).filter(Objects::nonNull)
                    .filter(attended::contains).distinct().count();
            events.add(new OutputImpact.EventImpact(event.id(), event.attendees(), attendeeAuthors,
                    perDay(own, event.startsAt().atZone(zone).toLocalDate(), zone)));
        }
        Map<Long, OutputType> distinct = new HashMap<>();
        linked.values().forEach(list -> list.forEach(o -> distinct.put(o.outputId(), o.type())));
        int media = Collections.frequency(distinct.values(), OutputType.MEDIA);
        return new OutputImpact(events, distinct.size() - media, media);
    }

    private static List<Integer> perDay(List<LinkedOutput> outputs, LocalDate eventDay, ZoneId zone) {
        int first = OutputImpact.EventImpact.FIRST_DAY;
        int[] counts = new int[OutputImpact.EventImpact.LAST_DAY - first + 1];
        for (LinkedOutput output : outputs) {
            long day = ChronoUnit.DAYS.between(eventDay, output.at().atZone(zone).toLocalDate());
            if (day >= first && day <= OutputImpact.EventImpact.LAST_DAY) {
                counts[(int) day - first]++;
            }
        }
        List<Integer> perDay = new ArrayList<>(counts.length);
        for (int count : counts) {
            perDay.add(count);
        }
        return perDay;
    }
}
