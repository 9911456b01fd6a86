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
 * by its most frequent attendees since the history's start. The main community has three leaders and a rotation in the
 * middle of the history, the second one a single leader (a one-person operation), the third a staff member among its
 * leaders (its events are not self-run), the fourth two leaders, every other one three.
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
        LocalDate middle = day(plan.historyStart() + (lastStart - plan.historyStart()) / 2);
        int firstStaff = -1;
        for (int p = 0; p < plan.people().size() && firstStaff < 0; p++) {
            if (plan.people().get(p).staff()) {
                firstStaff = p;
            }
        }
        for (int c = 0; c < plan.communities().size(); c++) {
            List<Integer> regulars = regulars(plan, c);
            int wanted = c == 1 ? 1 : c == 3 ? 2 : 3;
            if (c == 0 && regulars.size() >= 4) {
                roles.add(new Role(c, regulars.get(0), start, middle));
                roles.add(new Role(c, regulars.get(3), middle.plusDays(1), null));
                roles.add(new Role(c, regulars.get(1), start, null));
                roles.add(new Role(c, regulars.get(2), start, null));
                continue;
            }
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
