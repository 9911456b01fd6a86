package io.firstpin.demo;

import static io.firstpin.demo.DemoSchedule.HOUR;
import static io.firstpin.demo.DemoSchedule.MINUTE;

import io.firstpin.demo.DemoCommunities.Spec;
import io.firstpin.demo.DemoPlan.EventKind;
import io.firstpin.demo.DemoPlan.Material;
import io.firstpin.demo.DemoPlan.MaterialKind;
import io.firstpin.demo.DemoPlan.Session;
import io.firstpin.demo.DemoPlan.SessionKind;
import io.firstpin.demo.DemoSchedule.Slot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An event's agenda in the method's shape: the vendor's update, case studies, then lightning talks (a keynote and
 * more updates at JAWS DAYS), with the materials speakers put up afterwards.
 */
final class DemoAgenda {

    private final DemoCast cast;
    private final SplittableRandom random;

    DemoAgenda(DemoCast cast, SplittableRandom random) {
        this.cast = cast;
        this.random = random;
    }

    List<Session> sessions(Slot slot, Spec spec, LocalDate date, boolean past, int[] staff, Ints caseSpeakers,
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
}
