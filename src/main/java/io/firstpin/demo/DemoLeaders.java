package io.firstpin.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's leader roles, derived from the plan so that they are as deterministic as the rest: each community is led
 * by its most frequent attendees since the history's start. The main community and every branch from the fifth on have
 * three leaders, one of whom hands over to a newer regular once a year; the second community has a single leader (a
 * one-person operation), the third a staff member among its leaders (its events are not self-run), the fourth two.
 */
final class DemoLeaders {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /** @param endedOn null while the role is held */
    record Role(int community, int person, LocalDate startedOn, LocalDate endedOn) {
    }

    private DemoLeaders() {
    }

    static List<Role> plan(DemoPlan plan) {
        List<Role> roles = new ArrayList<>();
        if (plan.events().isEmpty()) {
            return roles;
        }
        LocalDate start = day(plan.historyStart());
        long lastStart = plan.events().stream().mapToLong(DemoPlan.Event::startsAt).max().orElseThrow();
        long span = lastStart - plan.historyStart();
        int years = Math.max(1, (int) Math.round(span / (365.0 * DemoSchedule.DAY)));
        List<LocalDate> handovers = new ArrayList<>();
        for (int k = 1; k < years; k++) {
            handovers.add(day(plan.historyStart() + span * k / years));
        }
        int firstStaff = -1;
        for (int p = 0; p < plan.people().size() && firstStaff < 0; p++) {
            if (plan.people().get(p).staff()) {
                firstStaff = p;
            }
        }
        for (int c = 0; c < plan.communities().size(); c++) {
            List<Integer> regulars = regulars(plan, c);
            boolean rotates = (c == 0 || c >= 4) && regulars.size() >= 3 + handovers.size();
            if (rotates) {
                rotate(c, regulars, start, handovers, roles);
                continue;
            }
            int wanted = c == 1 ? 1 : c == 3 ? 2 : 3;
            if (c == 2 && firstStaff >= 0) {
                roles.add(new Role(c, firstStaff, start, null));
                wanted--;
            }
            for (int i = 0; i < Math.min(wanted, regulars.size()); i++) {
                roles.add(new Role(c, regulars.get(i), start, null));
            }
        }
        return roles;
    }

    /**
     * Three leaders from the start; at each handover (once a year) the longest-serving seat passes to the next
     * regular who has not led yet, the day after the previous holder stepped down.
     */
    private static void rotate(int community, List<Integer> regulars, LocalDate start, List<LocalDate> handovers,
            List<Role> roles) {
        int[] holder = {regulars.get(0), regulars.get(1), regulars.get(2)};
        LocalDate[] since = {start, start, start};
        for (int k = 0; k < handovers.size(); k++) {
            int seat = k % holder.length;
            roles.add(new Role(community, holder[seat], since[seat], handovers.get(k)));
            holder[seat] = regulars.get(3 + k);
            since[seat] = handovers.get(k).plusDays(1);
        }
        for (int seat = 0; seat < holder.length; seat++) {
            roles.add(new Role(community, holder[seat], since[seat], null));
        }
    }

    /** The community's non-staff attendees, the most frequent first (ties by their place in the plan). */
    private static List<Integer> regulars(DemoPlan plan, int community) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (DemoPlan.Event event : plan.events()) {
            if (event.community() != community) {
                continue;
            }
            for (DemoPlan.Registration r : event.registrations()) {
                if (r.checkIn() != null && !plan.people().get(r.person()).staff()) {
                    counts.merge(r.person(), 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Integer, Integer> e) -> -e.getValue())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static LocalDate day(long epochSeconds) {
        return Instant.ofEpochSecond(epochSeconds).atZone(TOKYO).toLocalDate();
    }
}
