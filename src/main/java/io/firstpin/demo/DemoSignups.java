package io.firstpin.demo;

import static io.firstpin.demo.DemoSchedule.DAY;
import static io.firstpin.demo.DemoSchedule.HOUR;
import static io.firstpin.demo.DemoSchedule.MINUTE;

import io.firstpin.demo.DemoPlan.CheckIn;
import io.firstpin.demo.DemoPlan.EventKind;
import io.firstpin.demo.DemoPlan.Frame;
import io.firstpin.demo.DemoPlan.FrameMode;
import io.firstpin.demo.DemoPlan.Registration;
import io.firstpin.demo.DemoPlan.Status;
import io.firstpin.demo.DemoSchedule.Slot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The paperwork of an event: its frames, who registered when (first come first served, a lottery, a waitlist),
 * cancellations, no-shows, and how each attendee was checked in.
 */
final class DemoSignups {

    static final String GENERAL_FRAME = "一般枠";
    static final String LT_FRAME = "LT枠";
    static final String PARTY_FRAME = "懇親会枠";

    private final DemoCrowd crowd;
    private final long now;
    private final long importedUntil;
    private final SplittableRandom random;
    private final long[] firstRegistration;
    private final long[] announcedBySlot;

    DemoSignups(DemoSize size, DemoCrowd crowd, int slots, long historyStart, long now, SplittableRandom random) {
        this.crowd = crowd;
        this.now = now;
        this.random = random;
        importedUntil = historyStart + (long) ((now - historyStart) * 0.4);
        firstRegistration = new long[size.members()];
        Arrays.fill(firstRegistration, Long.MAX_VALUE);
        announcedBySlot = new long[slots];
    }

    /** Check-ins before this time came in by an import from another site. */
    long importedUntil() {
        return importedUntil;
    }

    /** The member's first registration, or {@code Long.MAX_VALUE} if they never registered. */
    long firstRegistration(int m) {
        return firstRegistration[m];
    }

    long announced(Slot slot) {
        return announcedBySlot[slot.index];
    }

    void announce(Slot slot, long at) {
        announcedBySlot[slot.index] = at;
    }

    void pastRegistrations(Slot slot, int[] staff, Ints attendees, Ints ltSpeakers, int ltSlots,
            List<Frame> frames, List<Registration> out) {
        boolean checkIn = !slot.byRegistration;
        FrameMode mode = lottery(slot) ? FrameMode.LOTTERY : FrameMode.FIFO;
        Long lotteryAt = mode == FrameMode.LOTTERY ? lotteryAt(slot) : null;
        long announced = announcement(slot, lotteryAt);
        long until = lotteryAt != null ? lotteryAt - HOUR : slot.startsAt - 2 * HOUR;
        int lt = ltSpeakers.isEmpty() ? -1 : 1;
        crowd.nextPick();

        int confirmedGeneral = 0;
        for (int s : staff) {
            crowd.take(s);
            long at = Dice.uniform(random, announced, announced + (until - announced) / 4);
            checkedIn(out, slot, s, 0, at, checkIn, false);
            confirmedGeneral++;
        }
        for (int i = 0; i < attendees.size(); i++) {
            int m = attendees.get(i);
            crowd.take(m);
            if (ltSpeakers.contains(m)) {
                checkedIn(out, slot, m, lt, Dice.uniform(random, announced, Math.min(until, announced + 3 * DAY)), checkIn, false);
            } else {
                checkedIn(out, slot, m, 0, Dice.uniform(random, announced, announced + (until - announced) * 4 / 5), checkIn, true);
                confirmedGeneral++;
            }
        }
        if (checkIn) {
            double share = Dice.between(random, 0.10, 0.25);
            int noShows = (int) Math.round(confirmedGeneral * share / (1 - share));
            for (int i = 0; i < noShows; i++) {
                int m = crowd.fromPool(slot.community);
                if (m < 0) {
                    break;
                }
                register(out, m, 0, Status.CONFIRMED, null, Dice.uniform(random, announced, until), null, 0);
                confirmedGeneral++;
            }
        }
        Integer capacity;
        if (mode == FrameMode.LOTTERY) {
            capacity = confirmedGeneral;
            int lost = (int) Math.round(capacity * Dice.between(random, 0.2, 0.8));
            for (int i = 0; i < lost; i++) {
                int m = crowd.fromPool(slot.community);
                if (m < 0) {
                    break;
                }
                register(out, m, 0, Status.LOST, null, Dice.uniform(random, announced, until), null, 0);
            }
        } else if (slot.kind == EventKind.ONLINE && random.nextDouble() < 0.4) {
            capacity = null;
        } else if (random.nextDouble() < (slot.community == 1 ? 0.5 : 0.3)) {
            capacity = confirmedGeneral;
            waitlist(slot, out, (int) Math.max(1, Math.round(capacity * Dice.between(random, 0.05, 0.3))),
                    announced + (until - announced) / 2, until);
        } else {
            capacity = Dice.roundUp(confirmedGeneral * Dice.between(random, 1.05, 1.6), 5);
        }
        cancellations(slot, out, confirmedGeneral + ltSpeakers.size(), announced, until);
        frames.add(new Frame(GENERAL_FRAME, capacity, mode, lotteryAt));
        if (lt > 0) {
            frames.add(new Frame(LT_FRAME, ltSlots, FrameMode.FIFO, null));
        }
        announce(slot, announced);
    }

    void upcomingRegistrations(Slot slot, int[] staff, Ints registrants, Ints ltSpeakers, int ltSlots,
            int expected, List<Frame> frames, List<Registration> out) {
        FrameMode mode = lottery(slot) ? FrameMode.LOTTERY : FrameMode.FIFO;
        Long lotteryAt = mode == FrameMode.LOTTERY ? lotteryAt(slot) : null;
        long announced = Math.min(announcement(slot, lotteryAt), now - 2 * DAY);
        long until = Math.min(lotteryAt != null ? lotteryAt - HOUR : slot.startsAt - 2 * HOUR, now - MINUTE);
        int lt = ltSpeakers.isEmpty() ? -1 : 1;
        crowd.nextPick();

        for (int s : staff) {
            crowd.take(s);
            register(out, s, 0, Status.CONFIRMED, null, Dice.uniform(random, announced, until), null, 0);
        }
        List<long[]> general = new ArrayList<>(registrants.size());
        for (int i = 0; i < registrants.size(); i++) {
            int m = registrants.get(i);
            crowd.take(m);
            if (ltSpeakers.contains(m)) {
                register(out, m, lt, Status.CONFIRMED, null, Dice.uniform(random, announced, until), null, 0);
            } else {
                general.add(new long[] {Dice.uniform(random, announced, until), m});
            }
        }
        general.sort(Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> r[1]));
        Integer capacity;
        if (mode == FrameMode.LOTTERY) {
            capacity = Dice.roundUp(expected * Dice.between(random, 0.9, 1.1) + staff.length, 10);
            boolean drawn = lotteryAt <= now;
            int confirmed = staff.length;
            for (long[] r : general) {
                Status status = !drawn ? Status.APPLIED : confirmed < capacity ? Status.CONFIRMED : Status.LOST;
                confirmed += status == Status.CONFIRMED ? 1 : 0;
                register(out, (int) r[1], 0, status, null, r[0], null, 0);
            }
        } else {
            capacity = slot.kind == EventKind.ONLINE && random.nextDouble() < 0.4 ? null
                    : Dice.roundUp(expected * Dice.between(random, 0.9, 1.3) + staff.length, 5);
            int confirmed = staff.length;
            int position = 0;
            for (long[] r : general) {
                if (capacity == null || confirmed < capacity) {
                    register(out, (int) r[1], 0, Status.CONFIRMED, null, r[0], null, 0);
                    confirmed++;
                } else {
                    register(out, (int) r[1], 0, Status.WAITLISTED, ++position, r[0], null, 0);
                }
            }
        }
        cancellations(slot, out, (int) Math.round(registrants.size() * 0.6), announced, until);
        frames.add(new Frame(GENERAL_FRAME, capacity, mode, lotteryAt));
        if (lt > 0) {
            frames.add(new Frame(LT_FRAME, ltSlots, FrameMode.FIFO, null));
        }
        announce(slot, announced);
    }

    private void checkedIn(List<Registration> out, Slot slot, int m, int frame, long registeredAt, boolean checkIn,
            boolean mayWalkIn) {
        if (!checkIn) {
            register(out, m, frame, Status.CONFIRMED, null, registeredAt, null, 0);
            return;
        }
        long checkedInAt = slot.kind == EventKind.BIG_EVENT
                ? slot.startsAt + (random.nextInt(330) - 30) * MINUTE
                : slot.startsAt + (random.nextInt(60) - 25) * MINUTE;
        CheckIn method;
        double u = random.nextDouble();
        if (slot.startsAt < importedUntil) {
            method = CheckIn.IMPORT;
        } else if (slot.kind == EventKind.ONLINE) {
            method = u < 0.9 ? CheckIn.CODE : CheckIn.STAFF;
        } else if (u < 0.72) {
            method = CheckIn.QR;
        } else if (u < 0.87) {
            method = CheckIn.CODE;
        } else if (u < 0.97 || !mayWalkIn) {
            method = CheckIn.STAFF;
        } else {
            method = CheckIn.WALK_IN;
            registeredAt = checkedInAt - random.nextInt(120);
        }
        register(out, m, frame, Status.CONFIRMED, null, registeredAt, method, checkedInAt);
    }

    private void waitlist(Slot slot, List<Registration> out, int count, long from, long until) {
        long[] times = new long[count];
        int[] people = new int[count];
        int found = 0;
        for (int i = 0; i < count; i++) {
            int m = crowd.fromPool(slot.community);
            if (m < 0) {
                break;
            }
            people[found] = m;
            times[found] = Dice.uniform(random, from, until);
            found++;
        }
        Integer[] order = new Integer[found];
        for (int i = 0; i < found; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> times[i]).thenComparingInt(i -> i));
        for (int position = 1; position <= found; position++) {
            int i = order[position - 1];
            register(out, people[i], 0, Status.WAITLISTED, position, times[i], null, 0);
        }
    }

    private void cancellations(Slot slot, List<Registration> out, int registered, long from, long until) {
        int count = (int) Math.round(registered * Dice.between(random, 0.03, 0.10));
        for (int i = 0; i < count; i++) {
            int m = crowd.fromPool(slot.community);
            if (m < 0) {
                return;
            }
            register(out, m, 0, Status.CANCELLED, null, Dice.uniform(random, from, until), null, 0);
        }
    }

    void register(List<Registration> out, int m, int frame, Status status, Integer position, long at,
            CheckIn method, long checkedInAt) {
        out.add(new Registration(m, frame, status, position, at, method, checkedInAt));
        if (at < firstRegistration[m]) {
            firstRegistration[m] = at;
        }
    }

    /** JAWS DAYS and some of the Tokyo branch's study sessions are too popular for first come, first served. */
    private boolean lottery(Slot slot) {
        return slot.kind == EventKind.BIG_EVENT
                || slot.kind == EventKind.STUDY_SESSION && slot.community == 1 && random.nextDouble() < 0.25;
    }

    private long lotteryAt(Slot slot) {
        return DemoSchedule.startOfDay(slot.startsAt - 7 * DAY) + 12 * HOUR;
    }

    private long announcement(Slot slot, Long lotteryAt) {
        long announced = DemoSchedule.startOfDay(slot.startsAt - (14 + random.nextInt(27)) * DAY)
                + (10 + random.nextInt(9)) * HOUR + random.nextInt(60) * MINUTE;
        return lotteryAt == null ? announced : Math.min(announced, lotteryAt - 10 * DAY);
    }
}
