package io.firstpin.demo;

import static io.firstpin.demo.DemoSchedule.DAY;

import io.firstpin.demo.DemoCommunities.Spec;
import io.firstpin.demo.DemoPlan.EventKind;
import io.firstpin.demo.DemoSchedule.Slot;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Who comes: the people each community has seen, the catchments newcomers are drawn from in arrival order, former LT
 * speakers, and who is already taken for the event being planned, so that nobody is picked twice.
 */
final class DemoCrowd {

    private final List<Spec> communities;
    private final DemoCast cast;
    private final long now;
    private final SplittableRandom random;

    /** Who has come to an event of each community (the newcomer scope). */
    private final BitSet[] inScope;
    private final Ints[] scopeMembers;
    /** Non-staff members near a regional branch, interested in a topic branch, or (national) all: in arrival order. */
    private final Ints[] pools;
    private final int[] cursors;
    private final BitSet everAttended = new BitSet();
    private final Ints participants = new Ints();
    private final long[] activeUntil;
    private final BitSet formerLtSpeakers = new BitSet();
    private final Ints formerLtSpeakerList = new Ints();
    private final Ints[] staffByHome;
    /** Marks who is already taken for the event being planned, so nobody is picked twice. */
    private final int[] chosenStamp;
    private int stamp;
    /** Weight of the past events not played yet: spreads people new to JAWS-UG evenly over the history. */
    private double pastWeightLeft;
    /** How many members come to at least one event in the end; the others only ever registered, or never. */
    private final int eventualParticipants;

    DemoCrowd(DemoSize size, List<Spec> communities, DemoCast cast, List<Slot> slots, long now,
            SplittableRandom random) {
        this.communities = communities;
        this.cast = cast;
        this.now = now;
        this.random = random;
        int members = size.members();
        int count = communities.size();
        inScope = new BitSet[count];
        scopeMembers = new Ints[count];
        pools = new Ints[count];
        staffByHome = new Ints[count];
        for (int c = 0; c < count; c++) {
            inScope[c] = new BitSet(members);
            scopeMembers[c] = new Ints();
            pools[c] = new Ints();
            staffByHome[c] = new Ints();
        }
        for (int m : cast.arrival) {
            pools[0].add(m);
            pools[cast.home[m]].add(m);
            if (cast.topic[m] >= 0) {
                pools[cast.topic[m]].add(m);
            }
        }
        for (int s : cast.staff) {
            staffByHome[cast.home[s]].add(s);
        }
        cursors = new int[count];
        activeUntil = new long[members];
        chosenStamp = new int[members];
        for (Slot slot : slots) {
            if (slot.endsAt <= now) {
                pastWeightLeft += slot.weight;
            }
        }
        eventualParticipants = (int) (cast.arrival.length * 0.92);
    }

    /** Starts picking for another event (or another list of one event): nobody is taken yet. */
    void nextPick() {
        stamp++;
    }

    boolean taken(int m) {
        return chosenStamp[m] == stamp;
    }

    void take(int m) {
        chosenStamp[m] = stamp;
    }

    boolean cameBefore(int community, int m) {
        return inScope[community].get(m);
    }

    int catchment(int community) {
        return pools[community].size();
    }

    int[] chooseStaff(Slot slot) {
        int total = cast.staff.length;
        int wanted = slot.kind == EventKind.BIG_EVENT ? Math.max(3, (int) Math.round(total * 0.4))
                : 1 + (random.nextDouble() < 0.4 ? 1 : 0);
        wanted = Math.min(wanted, total);
        nextPick();
        Ints local = staffByHome[slot.community];
        Ints chosen = new Ints(wanted);
        while (chosen.size() < wanted) {
            int s = !local.isEmpty() && random.nextDouble() < 0.7
                    ? local.get(random.nextInt(local.size()))
                    : cast.staff[random.nextInt(total)];
            if (chosenStamp[s] != stamp) {
                choose(s, chosen);
            }
        }
        return chosen.toArray();
    }

    void choose(int m, Ints chosen) {
        chosenStamp[m] = stamp;
        chosen.add(m);
    }

    /** Someone who came to this community before: keen people far more often, and rarely once their interest faded. */
    int returner(int community, long at) {
        Ints candidates = scopeMembers[community];
        if (candidates.isEmpty()) {
            return -1;
        }
        for (int attempt = 0; attempt < 80; attempt++) {
            int m = candidates.get(random.nextInt(candidates.size()));
            if (chosenStamp[m] == stamp) {
                continue;
            }
            double weight = at > activeUntil[m] ? cast.heat[m] * 0.1 : cast.heat[m];
            if (random.nextDouble() < weight) {
                return m;
            }
        }
        return -1;
    }

    /**
     * How many people new to JAWS-UG altogether this event gets: those still to come, shared out over the remaining
     * past events by size, so that the organization keeps a steady inflow instead of running dry.
     */
    int newToJawsUgBudget(Slot slot) {
        if (slot.endsAt > now) {
            return Integer.MAX_VALUE;
        }
        double share = slot.weight / Math.max(slot.weight, pastWeightLeft);
        pastWeightLeft -= slot.weight;
        return (int) Math.round(Math.max(0, eventualParticipants - participants.size()) * share);
    }

    /** The next person of the community's catchment, in arrival order, who has never been to any JAWS-UG event. */
    int newToJawsUg(int community) {
        Ints queue = pools[community];
        while (cursors[community] < queue.size()) {
            int m = queue.get(cursors[community]++);
            if (!everAttended.get(m) && chosenStamp[m] != stamp) {
                return m;
            }
        }
        return -1;
    }

    /** Someone who has been to other JAWS-UG events but not to this community's, preferably from its catchment. */
    int participantNewTo(int community) {
        if (participants.isEmpty()) {
            return -1;
        }
        for (int attempt = 0; attempt < 40; attempt++) {
            int m = participants.get(random.nextInt(participants.size()));
            if (inScope[community].get(m) || chosenStamp[m] == stamp) {
                continue;
            }
            boolean near = community == 0 || cast.home[m] == community || cast.topic[m] == community;
            if (near || random.nextDouble() < 0.2) {
                return m;
            }
        }
        return -1;
    }

    int visitor(int community) {
        for (int attempt = 0; attempt < 40; attempt++) {
            int m = cast.arrival[random.nextInt(cast.arrival.length)];
            if (!inScope[community].get(m) && chosenStamp[m] != stamp) {
                return m;
            }
        }
        return -1;
    }

    /** A former LT speaker to give a case study: one of this community's own people, now and then a guest. */
    int formerLtSpeaker(int community) {
        if (formerLtSpeakerList.isEmpty()) {
            return -1;
        }
        boolean national = communities.get(community).type() == DemoCommunities.Type.NATIONAL;
        for (int attempt = 0; attempt < 40; attempt++) {
            int m = formerLtSpeakerList.get(random.nextInt(formerLtSpeakerList.size()));
            if (chosenStamp[m] == stamp) {
                continue;
            }
            if (national || inScope[community].get(m) || random.nextDouble() < 0.1) {
                return m;
            }
        }
        return -1;
    }

    /** An attendee to give a talk: preferably someone who has been to an event before, the keener the likelier. */
    int speaker(Ints attendees, Ints taken, Ints alsoTaken) {
        if (attendees.isEmpty()) {
            return -1;
        }
        for (int attempt = 0; attempt < 60; attempt++) {
            int m = attendees.get(random.nextInt(attendees.size()));
            if (!taken.contains(m) && (alsoTaken == null || !alsoTaken.contains(m)) && everAttended.get(m)
                    && random.nextDouble() < 0.1 + cast.heat[m]) {
                return m;
            }
        }
        for (int i = 0; i < attendees.size(); i++) {
            int m = attendees.get(i);
            if (!taken.contains(m) && (alsoTaken == null || !alsoTaken.contains(m))) {
                return m;
            }
        }
        return -1;
    }

    void remember(Slot slot, Ints attendees, Ints ltSpeakers) {
        int community = slot.community;
        for (int i = 0; i < attendees.size(); i++) {
            int m = attendees.get(i);
            if (!inScope[community].get(m)) {
                inScope[community].set(m);
                scopeMembers[community].add(m);
            }
            if (!everAttended.get(m)) {
                everAttended.set(m);
                participants.add(m);
                activeUntil[m] = slot.startsAt + (long) (cast.lifetimeDays[m] * DAY);
            }
        }
        for (int i = 0; i < ltSpeakers.size(); i++) {
            int m = ltSpeakers.get(i);
            if (!formerLtSpeakers.get(m)) {
                formerLtSpeakers.set(m);
                formerLtSpeakerList.add(m);
            }
        }
    }

    /** Someone from the community's catchment who has not registered for this event yet. */
    int fromPool(int community) {
        Ints pool = pools[community].size() >= 20 ? pools[community] : pools[0];
        for (int attempt = 0; attempt < 30; attempt++) {
            int m = pool.get(random.nextInt(pool.size()));
            if (chosenStamp[m] != stamp) {
                chosenStamp[m] = stamp;
                return m;
            }
        }
        return -1;
    }
}
