package io.firstpin.demo;

import static io.firstpin.demo.DemoSchedule.DAY;

import io.firstpin.demo.DemoPlan.Aftermath;
import io.firstpin.demo.DemoPlan.Audience;
import io.firstpin.demo.DemoPlan.AudienceChannel;
import io.firstpin.demo.DemoPlan.Event;
import io.firstpin.demo.DemoPlan.IdentityKind;
import io.firstpin.demo.DemoPlan.Person;
import io.firstpin.demo.DemoPlan.Registration;
import io.firstpin.demo.DemoPlan.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the history leaves behind once the events are decided: outputs and feeds ({@link DemoOutputs}), survey answers
 * ({@link DemoSurveys}) and the outside audiences of some members (their reach).
 */
final class DemoAftermath {

    /** The plan's attendees in one place: who came to which event, by the attendee rule of docs/kpis.md. */
    static final class Turnout {

        final DemoPlan plan;
        final long now;
        /** Per event, the positions (within the event) of the registrations of its non-staff attendees. */
        final int[][] attendees;
        /** Per event, the position of its first registration among all registrations. */
        final int[] firstRegistration;
        /** Past events each person attended, sub-events left out. */
        final int[] attended;

        Turnout(DemoPlan plan, long now) {
            this.plan = plan;
            this.now = now;
            List<Event> events = plan.events();
            attendees = new int[events.size()][];
            firstRegistration = new int[events.size()];
            attended = new int[plan.people().size()];
            int ordinal = 0;
            for (int e = 0; e < events.size(); e++) {
                Event event = events.get(e);
                firstRegistration[e] = ordinal;
                ordinal += event.registrations().size();
                attendees[e] = event.endsAt() <= now ? attendeesOf(event) : new int[0];
                if (!event.subEvent()) {
                    for (int r : attendees[e]) {
                        attended[event.registrations().get(r).person()]++;
                    }
                }
            }
        }

        private int[] attendeesOf(Event event) {
            List<Registration> registrations = event.registrations();
            // an event without check-in data counts its confirmed registrants
            boolean checkIns = registrations.stream().anyMatch(r -> r.checkIn() != null);
            Ints chosen = new Ints(registrations.size());
            for (int r = 0; r < registrations.size(); r++) {
                Registration registration = registrations.get(r);
                boolean came = checkIns ? registration.checkIn() != null : registration.status() == Status.CONFIRMED;
                if (came && !staff(registration.person())) {
                    chosen.add(r);
                }
            }
            return chosen.toArray();
        }

        boolean staff(int person) {
            return plan.people().get(person).staff();
        }

        /** A past event that is not a sub-event: where the method's numbers are counted. */
        boolean counted(int event) {
            Event e = plan.events().get(event);
            return !e.subEvent() && e.endsAt() <= now;
        }
    }

    private DemoAftermath() {
    }

    static Aftermath plan(DemoPlan plan, long now, SplittableRandom random) {
        // each part its own stream, so that a change in one does not reshuffle the others
        SplittableRandom outputRandom = random.split();
        SplittableRandom surveyRandom = random.split();
        SplittableRandom audienceRandom = random.split();
        Turnout turnout = new Turnout(plan, now);
        DemoOutputs outputs = DemoOutputs.plan(turnout, outputRandom);
        DemoSurveys surveys = DemoSurveys.plan(turnout, surveyRandom);
        return new Aftermath(outputs.feeds(), outputs.outputs(), surveys.rounds(), surveys.answers(),
                audiences(turnout, outputs.feedOf(), audienceRandom));
    }

    /**
     * Outside audiences, as an integration polling the sites would record them: some followers on X, GitHub and blog
     * readers for people who came at least once; a few influencers with large audiences who come rarely, so that the
     * love and reach axes tell fans and influencers apart.
     */
    private static List<Audience> audiences(Turnout turnout, int[] feedOf, SplittableRandom random) {
        List<Audience> audiences = new ArrayList<>();
        List<Person> people = turnout.plan.people();
        for (int p = 0; p < people.size(); p++) {
            if (turnout.attended[p] == 0 || people.get(p).staff()) {
                continue;
            }
            Person person = people.get(p);
            long asOf = turnout.now - random.nextInt(90) * DAY;
            if (has(person, IdentityKind.X) && random.nextDouble() < 0.35) {
                boolean influencer = turnout.attended[p] <= 2 && random.nextDouble() < 0.05;
                long size = influencer ? 8_000 + (long) (Math.pow(random.nextDouble(), 2) * 120_000)
                        : logNormal(random, 250, 1.2);
                audiences.add(new Audience(p, AudienceChannel.X, size, asOf));
            }
            if (has(person, IdentityKind.GITHUB) && random.nextDouble() < 0.3) {
                audiences.add(new Audience(p, AudienceChannel.GITHUB, logNormal(random, 30, 1.1), asOf));
            }
            if (feedOf[p] >= 0 && random.nextDouble() < 0.6) {
                audiences.add(new Audience(p, AudienceChannel.FEED, logNormal(random, 400, 1.0), asOf));
            }
            if (random.nextDouble() < 0.01) {
                audiences.add(new Audience(p, AudienceChannel.YOUTUBE, logNormal(random, 2_000, 1.0), asOf));
            }
        }
        return audiences;
    }

    private static boolean has(Person person, IdentityKind kind) {
        return person.identities().stream().anyMatch(i -> i.kind() == kind);
    }

    /** A size around {@code median}, spread like follower counts: most near it, a long tail above. */
    static long logNormal(SplittableRandom random, double median, double sigma) {
        return Math.max(1, Math.round(median * Math.exp(sigma * gaussian(random))));
    }

    static double gaussian(SplittableRandom random) {
        // Box–Muller, from the one stream so that a seed replays
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
