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
import io.firstpin.demo.DemoPlan.Registration;
import io.firstpin.demo.DemoPlan.Session;
import io.firstpin.demo.DemoPlan.Status;
import io.firstpin.demo.DemoSchedule.Slot;
import java.time.LocalDate;
import java.util.ArrayList;
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

    private final DemoSize size;
    private final List<Spec> communities;
    private final DemoCast cast;
    private final List<Slot> slots;
    private final long historyStart;
    private final long now;
    private final SplittableRandom random;
    private final DemoCrowd crowd;
    private final DemoAgenda agenda;
    private final DemoSignups signups;
    private final int[][] attendeesBySlot;
    private final int[][] staffBySlot;
    private final double perWeight;

    DemoSimulation(DemoSize size, List<Spec> communities, DemoCast cast, List<Slot> slots, long historyStart, long now,
            SplittableRandom random) {
        this.size = size;
        this.communities = communities;
        this.cast = cast;
        this.slots = slots;
        this.historyStart = historyStart;
        this.now = now;
        this.random = random;
        crowd = new DemoCrowd(size, communities, cast, slots, now, random);
        agenda = new DemoAgenda(cast, random);
        signups = new DemoSignups(size, crowd, slots.size(), historyStart, now, random);
        attendeesBySlot = new int[slots.size()][];
        staffBySlot = new int[slots.size()][];
        double weights = 0;
        for (Slot slot : slots) {
            if (slot.endsAt <= now && !slot.byRegistration) {
                weights += slot.weight;
            }
        }
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
                createdAt[m] = Math.min(before, signups.firstRegistration(m));
            } else if (signups.firstRegistration(m) != Long.MAX_VALUE) {
                createdAt[m] = signups.firstRegistration(m) - random.nextInt(600);
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

        int[] staff = crowd.chooseStaff(slot);
        int expected = Math.max(6, (int) Math.round(perWeight * slot.weight) - staff.length);
        expected = Math.min(expected, Math.max(8, (int) (crowd.catchment(slot.community) * 0.3)));
        int wanted = past ? expected : Math.max(3, (int) Math.round(expected * fill(slot)));

        int caseStudies;
        int lightningTalks;
        switch (slot.kind) {
            case BIG_EVENT:
                caseStudies = 3 + random.nextInt(4);
                lightningTalks = Dice.clamp(wanted / 25, 6, 15);
                break;
            case ONLINE:
                caseStudies = slot.lunch ? 0 : 1;
                lightningTalks = Dice.clamp(wanted / 10, 2, 4);
                break;
            default:
                caseStudies = random.nextDouble() < 0.2 ? 2 : 1;
                lightningTalks = Dice.clamp(wanted / 8, 2, 6);
        }

        crowd.nextPick();
        Ints chosen = new Ints(wanted);
        Ints caseSpeakers = new Ints();
        for (int i = 0; i < caseStudies; i++) {
            int m = crowd.formerLtSpeaker(slot.community);
            if (m >= 0) {
                crowd.choose(m, chosen);
                caseSpeakers.add(m);
            }
        }
        int returning = 0;
        for (int i = 0; i < chosen.size(); i++) {
            returning += crowd.cameBefore(slot.community, chosen.get(i)) ? 1 : 0;
        }
        int wantReturning = wanted - (int) Math.round(wanted * newcomerTarget());
        while (returning < wantReturning && chosen.size() < wanted) {
            int m = crowd.returner(slot.community, slot.startsAt);
            if (m < 0) {
                break;
            }
            crowd.choose(m, chosen);
            returning++;
        }
        int newToAll = Math.min(wanted - chosen.size(), crowd.newToJawsUgBudget(slot));
        for (int i = 0; i < newToAll; i++) {
            int m = crowd.newToJawsUg(slot.community);
            if (m < 0) {
                m = crowd.newToJawsUg(0);
            }
            if (m < 0) {
                break;
            }
            crowd.choose(m, chosen);
        }
        while (chosen.size() < wanted) {
            int m = crowd.participantNewTo(slot.community);
            if (m < 0) {
                m = crowd.visitor(slot.community);
            }
            if (m < 0) {
                break;
            }
            crowd.choose(m, chosen);
        }
        while (chosen.size() < wanted) {
            int m = crowd.returner(slot.community, slot.startsAt);
            if (m < 0) {
                break;
            }
            crowd.choose(m, chosen);
        }
        while (caseSpeakers.size() < caseStudies) {
            int m = crowd.speaker(chosen, caseSpeakers, null);
            if (m < 0) {
                break;
            }
            caseSpeakers.add(m);
        }
        Ints ltSpeakers = new Ints();
        while (ltSpeakers.size() < lightningTalks) {
            int m = crowd.speaker(chosen, caseSpeakers, ltSpeakers);
            if (m < 0) {
                break;
            }
            ltSpeakers.add(m);
        }

        List<Session> sessions = agenda.sessions(slot, spec, date, past, staff, caseSpeakers, ltSpeakers, chosen);
        List<Frame> frames = new ArrayList<>(2);
        List<Registration> registrations = new ArrayList<>(wanted * 3 / 2 + staff.length);
        if (past) {
            signups.pastRegistrations(slot, staff, chosen, ltSpeakers, lightningTalks, frames, registrations);
            crowd.remember(slot, chosen, ltSpeakers);
        } else {
            signups.upcomingRegistrations(slot, staff, chosen, ltSpeakers, lightningTalks, expected, frames, registrations);
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
                signups.announced(slot), sessions, frames, registrations, -1);
    }

    /** The after-party of a study session: a share of its attendees, keener ones more likely, and one staff member. */
    private Event afterParty(Slot slot) {
        Slot study = slot.study;
        Spec spec = communities.get(slot.community);
        boolean past = slot.endsAt <= now;
        boolean checkIn = past && !slot.byRegistration;
        int[] studyAttendees = attendeesBySlot[study.index];
        int[] studyStaff = staffBySlot[study.index];

        crowd.nextPick();
        int wanted = Math.min(studyAttendees.length,
                Math.max(3, (int) Math.round(studyAttendees.length * Dice.between(random, 0.35, 0.55))));
        Ints chosen = new Ints(wanted);
        for (int attempt = 0; chosen.size() < wanted && attempt < wanted * 40; attempt++) {
            int m = studyAttendees[random.nextInt(studyAttendees.length)];
            if (!crowd.taken(m) && random.nextDouble() < 0.2 + cast.heat[m]) {
                crowd.choose(m, chosen);
            }
        }
        long announced = Math.min(study.startsAt - (5 + random.nextInt(10)) * DAY, now - 2 * DAY);
        signups.announce(slot, announced);
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
                method = slot.startsAt < signups.importedUntil() ? CheckIn.IMPORT
                        : random.nextDouble() < 0.6 ? CheckIn.STAFF : CheckIn.QR;
                checkedInAt = slot.startsAt + random.nextInt(20) * MINUTE;
            }
            signups.register(registrations, m, 0, Status.CONFIRMED, null, Dice.uniform(random, announced, until), method, checkedInAt);
        }
        int confirmed = everyone.size();
        if (checkIn && studyAttendees.length > 0) {
            for (int noShows = random.nextInt(3); noShows > 0; noShows--) {
                int m = studyAttendees[random.nextInt(studyAttendees.length)];
                if (!crowd.taken(m)) {
                    crowd.take(m);
                    signups.register(registrations, m, 0, Status.CONFIRMED, null, Dice.uniform(random, announced, until), null, 0);
                    confirmed++;
                }
            }
        }
        if (past) {
            crowd.remember(slot, chosen, new Ints());
        }
        int capacity = Dice.roundUp(confirmed * Dice.between(random, 1.0, 1.3), 5);
        List<Frame> frames = List.of(new Frame(DemoSignups.PARTY_FRAME, capacity, FrameMode.FIFO, null));
        return new Event(slot.community, slot.kind, DemoTexts.afterPartyTitle(study.title),
                DemoTexts.description(slot.kind, spec), slot.startsAt, slot.endsAt, false, null,
                DemoTexts.bar(spec, random), DemoTexts.address(spec, random), spec.prefecture().code(), spec.city(),
                spec.hashtag(), announced, List.of(), frames, registrations, study.index);
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
        return Math.max(0.25, Math.min(1.0, 1.0 - daysAhead / 35.0)) * Dice.between(random, 0.9, 1.1);
    }

    /** Mostly in the healthy band, sometimes not. */
    private double newcomerTarget() {
        return random.nextDouble() < 0.1 ? Dice.between(random, 0.2, 0.75) : Dice.between(random, 0.36, 0.58);
    }
}
