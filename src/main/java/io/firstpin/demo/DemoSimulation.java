package io.firstpin.demo;

import static io.firstpin.demo.DemoSchedule.DAY;
import static io.firstpin.demo.DemoSchedule.HOUR;
import static io.firstpin.demo.DemoSchedule.MINUTE;

import io.firstpin.demo.DemoCommunities.Spec;
import io.firstpin.demo.DemoPlan.CheckIn;
import io.firstpin.demo.DemoPlan.Event;
import io.firstpin.demo.DemoPlan.EventKind;
import io.firstpin.demo.DemoPlan.Frame;
import io.firstpin.demo.DemoPlan.FrameMode;
import io.firstpin.demo.DemoPlan.Material;
import io.firstpin.demo.DemoPlan.MaterialKind;
import io.firstpin.demo.DemoPlan.Registration;
import io.firstpin.demo.DemoPlan.Session;
import io.firstpin.demo.DemoPlan.SessionKind;
import io.firstpin.demo.DemoPlan.Status;
import io.firstpin.demo.DemoSchedule.Slot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plays the history event by event, in the order the events happen, deciding who registers and who comes.
 *
 * <p>Each event aims at a newcomer share of roughly 35–60% within its own community: returning people are drawn from
 * those who came before, weighted by their heat (so a few come very often and most come once or twice) and less
 * likely once their interest has faded; newcomers are drawn from the people living near a regional branch, or
 * interested in a topic branch, in the order they discover the community. The national community's JAWS DAYS mixes
 * branch regulars with people new to JAWS-UG. LT speakers are people who have come before; case-study speakers are
 * former LT speakers. Staff (the vendor's employees) come to many events and give the vendor updates.
 */
final class DemoSimulation {

    private static final String GENERAL_FRAME = "一般枠";
    private static final String LT_FRAME = "LT枠";
    private static final String PARTY_FRAME = "懇親会枠";

    private final DemoSize size;
    private final List<Spec> communities;
    private final DemoCast cast;
    private final List<Slot> slots;
    private final long historyStart;
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
    private final long[] firstRegistration;
    private final int[][] attendeesBySlot;
    private final int[][] staffBySlot;
    private final long[] announcedBySlot;
    private final long importedUntil;
    private final double perWeight;
    /** Weight of the past events not played yet: spreads people new to JAWS-UG evenly over the history. */
    private double pastWeightLeft;
    /** How many members come to at least one event in the end; the others only ever registered, or never. */
    private final int eventualParticipants;

    DemoSimulation(DemoSize size, List<Spec> communities, DemoCast cast, List<Slot> slots, long historyStart, long now,
            SplittableRandom random) {
        this.size = size;
        this.communities = communities;
        this.cast = cast;
        this.slots = slots;
        this.historyStart = historyStart;
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
        firstRegistration = new long[members];
        Arrays.fill(firstRegistration, Long.MAX_VALUE);
        attendeesBySlot = new int[slots.size()][];
        staffBySlot = new int[slots.size()][];
        announcedBySlot = new long[slots.size()];
        importedUntil = historyStart + (long) ((now - historyStart) * 0.4);
        double weights = 0;
        for (Slot slot : slots) {
            if (slot.endsAt <= now && !slot.byRegistration) {
                weights += slot.weight;
            }
            if (slot.endsAt <= now) {
                pastWeightLeft += slot.weight;
            }
        }
        eventualParticipants = (int) (cast.arrival.length * 0.92);
        // after-parties add a few check-ins on top of the sized events
        perWeight = size.attendances() * 0.96 / Math.max(1, weights);
    }

    List<Event> run() {
        List<Event> events = new ArrayList<>(slots.size());
        for (Slot slot : slots) {
            events.add(slot.kind == EventKind.AFTER_PARTY ? afterParty(slot) : meeting(slot));
        }
        return events;
    }

    /** When each member became known: their first registration, or some time in the history for the others. */
    long[] memberCreatedAt() {
        long[] createdAt = new long[size.members()];
        for (int m = 0; m < createdAt.length; m++) {
            long before = historyStart - (30 + random.nextInt(300)) * DAY;
            if (cast.people.get(m).staff()) {
                createdAt[m] = Math.min(before, firstRegistration[m]);
            } else if (firstRegistration[m] != Long.MAX_VALUE) {
                createdAt[m] = firstRegistration[m] - random.nextInt(600);
            } else {
                createdAt[m] = historyStart + (long) (random.nextDouble() * (now - historyStart));
            }
        }
        return createdAt;
    }

    private Event meeting(Slot slot) {
        Spec spec = communities.get(slot.community);
        boolean past = slot.endsAt <= now;
        LocalDate date = DemoSchedule.date(slot.startsAt);
        slot.title = title(slot, spec, date);

        int[] staff = chooseStaff(slot);
        int expected = Math.max(6, (int) Math.round(perWeight * slot.weight) - staff.length);
        expected = Math.min(expected, Math.max(8, (int) (pools[slot.community].size() * 0.3)));
        int wanted = past ? expected : Math.max(3, (int) Math.round(expected * fill(slot)));

        int caseStudies;
        int lightningTalks;
        switch (slot.kind) {
            case BIG_EVENT:
                caseStudies = 3 + random.nextInt(4);
                lightningTalks = clamp(wanted / 25, 6, 15);
                break;
            case ONLINE:
                caseStudies = slot.lunch ? 0 : 1;
                lightningTalks = clamp(wanted / 10, 2, 4);
                break;
            default:
                caseStudies = random.nextDouble() < 0.2 ? 2 : 1;
                lightningTalks = clamp(wanted / 8, 2, 6);
        }

        stamp++;
        Ints chosen = new Ints(wanted);
        Ints caseSpeakers = new Ints();
        for (int i = 0; i < caseStudies; i++) {
            int m = formerLtSpeaker(slot.community);
            if (m >= 0) {
                choose(m, chosen);
                caseSpeakers.add(m);
            }
        }
        int returning = 0;
        for (int i = 0; i < chosen.size(); i++) {
            returning += inScope[slot.community].get(chosen.get(i)) ? 1 : 0;
        }
        int wantReturning = wanted - (int) Math.round(wanted * newcomerTarget());
        while (returning < wantReturning && chosen.size() < wanted) {
            int m = returner(slot.community, slot.startsAt);
            if (m < 0) {
                break;
            }
            choose(m, chosen);
            returning++;
        }
        int newToAll = Math.min(wanted - chosen.size(), newToJawsUgBudget(slot));
        for (int i = 0; i < newToAll; i++) {
            int m = newToJawsUg(slot.community);
            if (m < 0) {
                m = newToJawsUg(0);
            }
            if (m < 0) {
                break;
            }
            choose(m, chosen);
        }
        while (chosen.size() < wanted) {
            int m = participantNewTo(slot.community);
            if (m < 0) {
                m = visitor(slot.community);
            }
            if (m < 0) {
                break;
            }
            choose(m, chosen);
        }
        while (chosen.size() < wanted) {
            int m = returner(slot.community, slot.startsAt);
            if (m < 0) {
                break;
            }
            choose(m, chosen);
        }
        while (caseSpeakers.size() < caseStudies) {
            int m = speaker(chosen, caseSpeakers, null);
            if (m < 0) {
                break;
            }
            caseSpeakers.add(m);
        }
        Ints ltSpeakers = new Ints();
        while (ltSpeakers.size() < lightningTalks) {
            int m = speaker(chosen, caseSpeakers, ltSpeakers);
            if (m < 0) {
                break;
            }
            ltSpeakers.add(m);
        }

        List<Session> sessions = sessions(slot, spec, date, past, staff, caseSpeakers, ltSpeakers, chosen);
        List<Frame> frames = new ArrayList<>(2);
        List<Registration> registrations = new ArrayList<>(wanted * 3 / 2 + staff.length);
        if (past) {
            pastRegistrations(slot, staff, chosen, ltSpeakers, lightningTalks, frames, registrations);
            remember(slot, chosen, ltSpeakers);
        } else {
            upcomingRegistrations(slot, staff, chosen, ltSpeakers, lightningTalks, expected, frames, registrations);
        }
        attendeesBySlot[slot.index] = chosen.toArray();
        staffBySlot[slot.index] = staff;

        boolean online = slot.kind == EventKind.ONLINE;
        Spec venueOf = slot.kind == EventKind.BIG_EVENT ? DemoCommunities.NATIONAL : spec;
        return new Event(slot.community, slot.kind, slot.title, DemoTexts.description(slot.kind, spec), slot.startsAt,
                slot.endsAt, online,
                online ? "https://stream.example.jp/jaws-ug/" + spec.key() + "/" + slot.number : null,
                online ? null : slot.kind == EventKind.BIG_EVENT ? "有明ベイサイドホール" : DemoTexts.venue(spec, random),
                online ? null : DemoTexts.address(venueOf, random),
                online ? null : venueOf.prefecture().code(),
                online ? null : venueOf.city(),
                slot.kind == EventKind.BIG_EVENT ? "jawsdays" + date.getYear() : spec.hashtag(),
                announcedBySlot[slot.index], sessions, frames, registrations);
    }

    /** The after-party of a study session: a share of its attendees, keener ones more likely, and one staff member. */
    private Event afterParty(Slot slot) {
        Slot study = slot.study;
        Spec spec = communities.get(slot.community);
        boolean past = slot.endsAt <= now;
        boolean checkIn = past && !slot.byRegistration;
        int[] studyAttendees = attendeesBySlot[study.index];
        int[] studyStaff = staffBySlot[study.index];

        stamp++;
        int wanted = Math.min(studyAttendees.length,
                Math.max(3, (int) Math.round(studyAttendees.length * between(0.35, 0.55))));
        Ints chosen = new Ints(wanted);
        for (int attempt = 0; chosen.size() < wanted && attempt < wanted * 40; attempt++) {
            int m = studyAttendees[random.nextInt(studyAttendees.length)];
            if (chosenStamp[m] != stamp && random.nextDouble() < 0.2 + cast.heat[m]) {
                choose(m, chosen);
            }
        }
        long announced = Math.min(study.startsAt - (5 + random.nextInt(10)) * DAY, now - 2 * DAY);
        announcedBySlot[slot.index] = announced;
        long until = Math.min(study.startsAt - 2 * HOUR, now - MINUTE);

        List<Registration> registrations = new ArrayList<>(wanted + 3);
        Ints everyone = new Ints(wanted + 1);
        if (studyStaff.length > 0) {
            everyone.add(studyStaff[0]);
        }
        for (int i = 0; i < chosen.size(); i++) {
            everyone.add(chosen.get(i));
        }
        for (int i = 0; i < everyone.size(); i++) {
            int m = everyone.get(i);
            CheckIn method = null;
            long checkedInAt = 0;
            if (checkIn) {
                method = slot.startsAt < importedUntil ? CheckIn.IMPORT
                        : random.nextDouble() < 0.6 ? CheckIn.STAFF : CheckIn.QR;
                checkedInAt = slot.startsAt + random.nextInt(20) * MINUTE;
            }
            register(registrations, m, 0, Status.CONFIRMED, null, uniform(announced, until), method, checkedInAt);
        }
        int confirmed = everyone.size();
        if (checkIn && studyAttendees.length > 0) {
            for (int noShows = random.nextInt(3); noShows > 0; noShows--) {
                int m = studyAttendees[random.nextInt(studyAttendees.length)];
                if (chosenStamp[m] != stamp) {
                    chosenStamp[m] = stamp;
                    register(registrations, m, 0, Status.CONFIRMED, null, uniform(announced, until), null, 0);
                    confirmed++;
                }
            }
        }
        if (past) {
            remember(slot, chosen, new Ints());
        }
        int capacity = roundUp(confirmed * between(1.0, 1.3), 5);
        List<Frame> frames = List.of(new Frame(PARTY_FRAME, capacity, FrameMode.FIFO, null));
        return new Event(slot.community, slot.kind, DemoTexts.afterPartyTitle(study.title),
                DemoTexts.description(slot.kind, spec), slot.startsAt, slot.endsAt, false, null,
                DemoTexts.bar(spec, random), DemoTexts.address(spec, random), spec.prefecture().code(), spec.city(),
                spec.hashtag(), announced, List.of(), frames, registrations);
    }

    private String title(Slot slot, Spec spec, LocalDate date) {
        switch (slot.kind) {
            case BIG_EVENT:
                return DemoTexts.bigEventTitle(date);
            case ONLINE:
                return DemoTexts.onlineTitle(spec, slot.number, slot.lunch, random);
            default:
                return DemoTexts.studyTitle(spec, slot.number, random);
        }
    }

    /** Registration for an upcoming event is still open: the closer it is, the fuller. */
    private double fill(Slot slot) {
        double daysAhead = (slot.startsAt - now) / (double) DAY;
        return Math.max(0.25, Math.min(1.0, 1.0 - daysAhead / 35.0)) * between(0.9, 1.1);
    }

    /** Mostly in the healthy band, sometimes not. */
    private double newcomerTarget() {
        return random.nextDouble() < 0.1 ? between(0.2, 0.75) : between(0.36, 0.58);
    }

    private int[] chooseStaff(Slot slot) {
        int total = cast.staff.length;
        int wanted = slot.kind == EventKind.BIG_EVENT ? Math.max(3, (int) Math.round(total * 0.4))
                : 1 + (random.nextDouble() < 0.4 ? 1 : 0);
        wanted = Math.min(wanted, total);
        stamp++;
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

    private void choose(int m, Ints chosen) {
        chosenStamp[m] = stamp;
        chosen.add(m);
    }

    /** Someone who came to this community before: keen people far more often, and rarely once their interest faded. */
    private int returner(int community, long at) {
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
    private int newToJawsUgBudget(Slot slot) {
        if (slot.endsAt > now) {
            return Integer.MAX_VALUE;
        }
        double share = slot.weight / Math.max(slot.weight, pastWeightLeft);
        pastWeightLeft -= slot.weight;
        return (int) Math.round(Math.max(0, eventualParticipants - participants.size()) * share);
    }

    /** The next person of the community's catchment, in arrival order, who has never been to any JAWS-UG event. */
    private int newToJawsUg(int community) {
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
    private int participantNewTo(int community) {
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

    private int visitor(int community) {
        for (int attempt = 0; attempt < 40; attempt++) {
            int m = cast.arrival[random.nextInt(cast.arrival.length)];
            if (!inScope[community].get(m) && chosenStamp[m] != stamp) {
                return m;
            }
        }
        return -1;
    }

    /** A former LT speaker to give a case study: one of this community's own people, now and then a guest. */
    private int formerLtSpeaker(int community) {
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
    private int speaker(Ints attendees, Ints taken, Ints alsoTaken) {
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

    private void remember(Slot slot, Ints attendees, Ints ltSpeakers) {
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

    private List<Session> sessions(Slot slot, Spec spec, LocalDate date, boolean past, int[] staff, Ints caseSpeakers,
            Ints ltSpeakers, Ints attendees) {
        List<Session> sessions = new ArrayList<>();
        String key = slot.kind == EventKind.BIG_EVENT ? "jaws-days-" + date.getYear() : "jawsug-" + spec.key() + "-" + slot.number;
        long t;
        if (slot.kind == EventKind.BIG_EVENT) {
            sessions.add(session(SessionKind.KEYNOTE, DemoTexts.keynoteTitle(date), slot.startsAt, 40,
                    new int[] {staff[0]}, past, key, "keynote"));
            t = slot.startsAt + 50 * MINUTE;
            for (int i = 0; i < 2; i++) {
                sessions.add(session(SessionKind.UPDATE, DemoTexts.updateTitle(date, random), t, 30,
                        new int[] {staff[Math.min(i + 1, staff.length - 1)]}, past, key, "update" + (i + 1)));
                t += 35 * MINUTE;
            }
            t = slot.startsAt + 3 * HOUR;
            for (int i = 0; i < caseSpeakers.size(); i++) {
                sessions.add(session(SessionKind.CASE_STUDY, DemoTexts.caseStudyTitle(random), t, 20,
                        caseSpeakersOf(caseSpeakers.get(i), attendees, caseSpeakers, ltSpeakers), past, key,
                        "case" + (i + 1)));
                t += 30 * MINUTE;
            }
            t = slot.startsAt + 6 * HOUR;
            for (int i = 0; i < ltSpeakers.size(); i++) {
                sessions.add(session(SessionKind.LIGHTNING_TALK, DemoTexts.lightningTalkTitle(random), t, 5,
                        new int[] {ltSpeakers.get(i)}, past, key, "lt" + (i + 1)));
                t += 6 * MINUTE;
            }
            return sessions;
        }
        t = slot.startsAt + 5 * MINUTE;
        int updateMinutes = slot.lunch ? 20 : 20 + 5 * random.nextInt(3);
        sessions.add(session(SessionKind.UPDATE, DemoTexts.updateTitle(date, random), t, updateMinutes,
                new int[] {staff[0]}, past, key, "update"));
        t += (updateMinutes + 5) * MINUTE;
        for (int i = 0; i < caseSpeakers.size(); i++) {
            sessions.add(session(SessionKind.CASE_STUDY, DemoTexts.caseStudyTitle(random), t, 20,
                    caseSpeakersOf(caseSpeakers.get(i), attendees, caseSpeakers, ltSpeakers), past, key, "case" + (i + 1)));
            t += 25 * MINUTE;
        }
        for (int i = 0; i < ltSpeakers.size(); i++) {
            sessions.add(session(SessionKind.LIGHTNING_TALK, DemoTexts.lightningTalkTitle(random), t, 5,
                    new int[] {ltSpeakers.get(i)}, past, key, "lt" + (i + 1)));
            t += 6 * MINUTE;
        }
        return sessions;
    }

    /** Now and then a case study is given by two people of the same company. */
    private int[] caseSpeakersOf(int speaker, Ints attendees, Ints caseSpeakers, Ints ltSpeakers) {
        if (random.nextDouble() < 0.2 && attendees.size() > caseSpeakers.size() + ltSpeakers.size() + 1) {
            for (int attempt = 0; attempt < 20; attempt++) {
                int partner = attendees.get(random.nextInt(attendees.size()));
                if (!caseSpeakers.contains(partner) && !ltSpeakers.contains(partner)) {
                    return new int[] {speaker, partner};
                }
            }
        }
        return new int[] {speaker};
    }

    private Session session(SessionKind kind, String title, long startsAt, int minutes, int[] speakers, boolean past,
            String eventKey, String suffix) {
        List<Material> materials = new ArrayList<>(2);
        if (past) {
            String handle = cast.people.get(speakers[0]).handle();
            String slides = "https://speakerdeck.com/" + handle + "/" + eventKey + "-" + suffix;
            String video = "https://video.example.jp/jaws-ug/" + eventKey + "/" + suffix;
            switch (kind) {
                case KEYNOTE:
                    materials.add(new Material(MaterialKind.VIDEO, video, title));
                    materials.add(new Material(MaterialKind.SLIDES, slides, title));
                    break;
                case UPDATE:
                    if (random.nextDouble() < 0.6) {
                        materials.add(new Material(MaterialKind.SLIDES, slides, title));
                    }
                    break;
                case CASE_STUDY:
                    if (random.nextDouble() < 0.9) {
                        materials.add(new Material(MaterialKind.SLIDES, slides, title));
                    }
                    if (eventKey.startsWith("jaws-days")) {
                        materials.add(new Material(MaterialKind.VIDEO, video, title));
                    }
                    break;
                default:
                    if (random.nextDouble() < 0.8) {
                        materials.add(new Material(MaterialKind.SLIDES, slides, title));
                    }
                    if (random.nextDouble() < 0.1) {
                        materials.add(new Material(MaterialKind.OTHER, "https://" + handle.replace('_', '-')
                                + ".example.jp/entry/" + eventKey, "登壇ブログ: " + title));
                    }
            }
        }
        return new Session(kind, title, startsAt, minutes, speakers, List.copyOf(materials));
    }

    private void pastRegistrations(Slot slot, int[] staff, Ints attendees, Ints ltSpeakers, int ltSlots,
            List<Frame> frames, List<Registration> out) {
        boolean checkIn = !slot.byRegistration;
        FrameMode mode = lottery(slot) ? FrameMode.LOTTERY : FrameMode.FIFO;
        Long lotteryAt = mode == FrameMode.LOTTERY ? lotteryAt(slot) : null;
        long announced = announce(slot, lotteryAt);
        long until = lotteryAt != null ? lotteryAt - HOUR : slot.startsAt - 2 * HOUR;
        int lt = ltSpeakers.isEmpty() ? -1 : 1;
        stamp++;

        int confirmedGeneral = 0;
        for (int s : staff) {
            chosenStamp[s] = stamp;
            long at = uniform(announced, announced + (until - announced) / 4);
            checkedIn(out, slot, s, 0, at, checkIn, false);
            confirmedGeneral++;
        }
        for (int i = 0; i < attendees.size(); i++) {
            int m = attendees.get(i);
            chosenStamp[m] = stamp;
            if (ltSpeakers.contains(m)) {
                checkedIn(out, slot, m, lt, uniform(announced, Math.min(until, announced + 3 * DAY)), checkIn, false);
            } else {
                checkedIn(out, slot, m, 0, uniform(announced, announced + (until - announced) * 4 / 5), checkIn, true);
                confirmedGeneral++;
            }
        }
        if (checkIn) {
            double share = between(0.10, 0.25);
            int noShows = (int) Math.round(confirmedGeneral * share / (1 - share));
            for (int i = 0; i < noShows; i++) {
                int m = fromPool(slot.community);
                if (m < 0) {
                    break;
                }
                register(out, m, 0, Status.CONFIRMED, null, uniform(announced, until), null, 0);
                confirmedGeneral++;
            }
        }
        Integer capacity;
        if (mode == FrameMode.LOTTERY) {
            capacity = confirmedGeneral;
            int lost = (int) Math.round(capacity * between(0.2, 0.8));
            for (int i = 0; i < lost; i++) {
                int m = fromPool(slot.community);
                if (m < 0) {
                    break;
                }
                register(out, m, 0, Status.LOST, null, uniform(announced, until), null, 0);
            }
        } else if (slot.kind == EventKind.ONLINE && random.nextDouble() < 0.4) {
            capacity = null;
        } else if (random.nextDouble() < (slot.community == 1 ? 0.5 : 0.3)) {
            capacity = confirmedGeneral;
            waitlist(slot, out, (int) Math.max(1, Math.round(capacity * between(0.05, 0.3))),
                    announced + (until - announced) / 2, until);
        } else {
            capacity = roundUp(confirmedGeneral * between(1.05, 1.6), 5);
        }
        cancellations(slot, out, confirmedGeneral + ltSpeakers.size(), announced, until);
        frames.add(new Frame(GENERAL_FRAME, capacity, mode, lotteryAt));
        if (lt > 0) {
            frames.add(new Frame(LT_FRAME, ltSlots, FrameMode.FIFO, null));
        }
        announcedBySlot[slot.index] = announced;
    }

    private void upcomingRegistrations(Slot slot, int[] staff, Ints registrants, Ints ltSpeakers, int ltSlots,
            int expected, List<Frame> frames, List<Registration> out) {
        FrameMode mode = lottery(slot) ? FrameMode.LOTTERY : FrameMode.FIFO;
        Long lotteryAt = mode == FrameMode.LOTTERY ? lotteryAt(slot) : null;
        long announced = Math.min(announce(slot, lotteryAt), now - 2 * DAY);
        long until = Math.min(lotteryAt != null ? lotteryAt - HOUR : slot.startsAt - 2 * HOUR, now - MINUTE);
        int lt = ltSpeakers.isEmpty() ? -1 : 1;
        stamp++;

        for (int s : staff) {
            chosenStamp[s] = stamp;
            register(out, s, 0, Status.CONFIRMED, null, uniform(announced, until), null, 0);
        }
        List<long[]> general = new ArrayList<>(registrants.size());
        for (int i = 0; i < registrants.size(); i++) {
            int m = registrants.get(i);
            chosenStamp[m] = stamp;
            if (ltSpeakers.contains(m)) {
                register(out, m, lt, Status.CONFIRMED, null, uniform(announced, until), null, 0);
            } else {
                general.add(new long[] {uniform(announced, until), m});
            }
        }
        general.sort(Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> r[1]));
        Integer capacity;
        if (mode == FrameMode.LOTTERY) {
            capacity = roundUp(expected * between(0.9, 1.1) + staff.length, 10);
            boolean drawn = lotteryAt <= now;
            int confirmed = staff.length;
            for (long[] r : general) {
                Status status = !drawn ? Status.APPLIED : confirmed < capacity ? Status.CONFIRMED : Status.LOST;
                confirmed += status == Status.CONFIRMED ? 1 : 0;
                register(out, (int) r[1], 0, status, null, r[0], null, 0);
            }
        } else {
            capacity = slot.kind == EventKind.ONLINE && random.nextDouble() < 0.4 ? null
                    : roundUp(expected * between(0.9, 1.3) + staff.length, 5);
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
        announcedBySlot[slot.index] = announced;
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
            int m = fromPool(slot.community);
            if (m < 0) {
                break;
            }
            people[found] = m;
            times[found] = uniform(from, until);
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
        int count = (int) Math.round(registered * between(0.03, 0.10));
        for (int i = 0; i < count; i++) {
            int m = fromPool(slot.community);
            if (m < 0) {
                return;
            }
            register(out, m, 0, Status.CANCELLED, null, uniform(from, until), null, 0);
        }
    }

    /** Someone from the community's catchment who has not registered for this event yet. */
    private int fromPool(int community) {
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

    private void register(List<Registration> out, int m, int frame, Status status, Integer position, long at,
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

    private long announce(Slot slot, Long lotteryAt) {
        long announced = DemoSchedule.startOfDay(slot.startsAt - (14 + random.nextInt(27)) * DAY)
                + (10 + random.nextInt(9)) * HOUR + random.nextInt(60) * MINUTE;
        return lotteryAt == null ? announced : Math.min(announced, lotteryAt - 10 * DAY);
    }

    private long uniform(long from, long until) {
        return until <= from ? from : from + (long) (random.nextDouble() * (until - from));
    }

    private double between(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }

    private static int roundUp(double value, int step) {
        return Math.max(step, (int) Math.ceil(value / step) * step);
    }
}
