package io.firstpin.demo;

import io.firstpin.demo.DemoCommunities.Spec;
import io.firstpin.demo.DemoPlan.EventKind;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/** When each community meets: JAWS DAYS once a year, weekday-evening study sessions, some online, a few after-parties. */
final class DemoSchedule {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final long MINUTE = 60;
    static final long HOUR = 3_600;
    static final long DAY = 86_400;
    /** The schedule runs this far past "now", so the demo has upcoming events with registration open. */
    static final int UPCOMING_DAYS = 45;

    /** One event to be: which community, what kind, when. The simulation fills in who comes. */
    static final class Slot {
        final int community;
        final EventKind kind;
        final long startsAt;
        final long endsAt;
        final boolean lunch;
        /** How many people come, relative to the other events; 0 for after-parties, which follow their study session. */
        final double weight;
        final Slot study;
        final int sequence;
        int index;
        int number;
        boolean byRegistration;
        String title;

        Slot(int community, EventKind kind, long startsAt, long endsAt, boolean lunch, double weight, Slot study,
                int sequence) {
            this.community = community;
            this.kind = kind;
            this.startsAt = startsAt;
            this.endsAt = endsAt;
            this.lunch = lunch;
            this.weight = weight;
            this.study = study;
            this.sequence = sequence;
        }
    }

    private final DemoSize size;
    private final List<Spec> communities;
    private final long historyStart;
    private final long now;
    private final SplittableRandom random;
    private final List<Slot> slots = new ArrayList<>();

    private DemoSchedule(DemoSize size, List<Spec> communities, long historyStart, long now, SplittableRandom random) {
        this.size = size;
        this.communities = communities;
        this.historyStart = historyStart;
        this.now = now;
        this.random = random;
    }

    /** The slots in the order the events happen; ties broken by community so that event ids follow that order. */
    static List<Slot> slots(DemoSize size, List<Spec> communities, long historyStart, long now, SplittableRandom random) {
        return new DemoSchedule(size, communities, historyStart, now, random).build();
    }

    private List<Slot> build() {
        int years = size.years();
        for (int y = 0; y < years; y++) {
            long day = historyStart + (y * 365L + 180 + random.nextInt(41)) * DAY;
            LocalDate saturday = date(day).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
            add(new Slot(0, EventKind.BIG_EVENT, at(saturday, 10, 0), at(saturday, 18, 30), false,
                    14 * between(0.9, 1.1), null, slots.size()));
        }
        int branches = communities.size() - 1;
        int nationalOnline = Math.min(Math.max(1, Math.round(size.events() * 0.04f)), size.events() - years - 2 * branches);
        int[] counts = allocate(size.events() - years - nationalOnline);
        counts[0] = nationalOnline;
        for (int c = 0; c < communities.size(); c++) {
            place(c, counts[c]);
        }
        slots.sort(Comparator.<Slot>comparingLong(s -> s.startsAt).thenComparingInt(s -> s.community)
                .thenComparingInt(s -> s.sequence));
        number();
        return List.copyOf(slots);
    }

    /** Two events per branch at least, the rest by how active each branch is (largest remainder, ties by position). */
    private int[] allocate(int branchEvents) {
        int[] counts = new int[communities.size()];
        int rest = branchEvents - 2 * (communities.size() - 1);
        double total = 0;
        for (int c = 1; c < communities.size(); c++) {
            total += communities.get(c).activity();
        }
        double[] remainders = new double[communities.size()];
        int given = 0;
        for (int c = 1; c < communities.size(); c++) {
            double share = rest * communities.get(c).activity() / total;
            counts[c] = 2 + (int) share;
            remainders[c] = share - (int) share;
            given += (int) share;
        }
        for (int left = rest - given; left > 0; left--) {
            int best = 1;
            for (int c = 2; c < communities.size(); c++) {
                if (remainders[c] > remainders[best]) {
                    best = c;
                }
            }
            counts[best]++;
            remainders[best] = -1;
        }
        return counts;
    }

    /** Spreads a community's events evenly over the history with some jitter; big regional branches hold after-parties. */
    private void place(int community, int count) {
        Spec spec = communities.get(community);
        int parties = spec.regional() && spec.scale() >= 1.0 && count >= 4 ? Math.round(count * 0.1f) : 0;
        int meetings = count - parties;
        boolean[] hosts = new boolean[meetings];
        for (int chosen = 0; chosen < parties; ) {
            int i = random.nextInt(meetings);
            if (!hosts[i]) {
                hosts[i] = true;
                chosen++;
            }
        }
        long span = now + UPCOMING_DAYS * DAY - historyStart;
        for (int i = 0; i < meetings; i++) {
            double position = (i + 0.5 + (random.nextDouble() - 0.5) * 0.7) / meetings;
            LocalDate day = weekday(date(historyStart + (long) (position * span)));
            boolean online = !hosts[i] && random.nextDouble() < onlineShare(spec);
            boolean lunch = online && random.nextDouble() < 0.25;
            double weight = (spec.type() == DemoCommunities.Type.NATIONAL ? 1.6 : spec.scale())
                    * (online ? 1.2 : 1.0) * between(0.7, 1.3);
            Slot meeting = lunch
                    ? new Slot(community, EventKind.ONLINE, at(day, 12, 0), at(day, 13, 0), true, weight, null, slots.size())
                    : new Slot(community, online ? EventKind.ONLINE : EventKind.STUDY_SESSION, at(day, 19, 0),
                            online ? at(day, 20, 30) : at(day, 21, 0), false, weight, null, slots.size());
            add(meeting);
            if (hosts[i]) {
                add(new Slot(community, EventKind.AFTER_PARTY, at(day, 21, 15), at(day, 23, 15), false, 0, meeting,
                        slots.size()));
            }
        }
    }

    private static double onlineShare(Spec spec) {
        switch (spec.type()) {
            case NATIONAL:
                return 1.0;
            case TOPIC:
                return 0.5;
            default:
                return 0.12;
        }
    }

    private void add(Slot slot) {
        slots.add(slot);
    }

    /**
     * Numbers each community's events for their titles, and picks a few early events whose attendance was never
     * recorded (attendance by registration), as in communities that only started checking people in later.
     */
    private void number() {
        int[] next = new int[communities.size()];
        for (int c = 0; c < next.length; c++) {
            next[c] = c == 0 ? 1 + random.nextInt(20) : 10 + random.nextInt(60);
        }
        long earlyUntil = historyStart + (long) ((now - historyStart) * 0.3);
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            slot.index = i;
            if (slot.kind == EventKind.AFTER_PARTY) {
                slot.byRegistration = slot.study.byRegistration;
                continue;
            }
            if (slot.kind != EventKind.BIG_EVENT) {
                slot.number = next[slot.community]++;
            }
            slot.byRegistration = slot.kind != EventKind.BIG_EVENT && slot.endsAt <= now && slot.startsAt < earlyUntil
                    && random.nextDouble() < 0.25;
        }
    }

    private double between(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    static LocalDate date(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atZone(TOKYO).toLocalDate();
    }

    static long at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(TOKYO).toEpochSecond();
    }

    static long startOfDay(long epochSecond) {
        return date(epochSecond).atStartOfDay(TOKYO).toEpochSecond();
    }

    /** Study sessions are on weekday evenings: a weekend day moves to the nearest weekday. */
    private static LocalDate weekday(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
            return day.minusDays(1);
        }
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return day.plusDays(1);
        }
        return day;
    }
}
