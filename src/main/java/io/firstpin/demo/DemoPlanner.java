package io.firstpin.demo;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/** Decides the whole demo organization in memory: the same size, seed and "now" always give the same plan. */
final class DemoPlanner {

    private DemoPlanner() {
    }

    static DemoPlan plan(DemoSize size, long seed, Instant now) {
        // each stage gets its own stream, so that a change in one stage does not reshuffle the others
        SplittableRandom random = new SplittableRandom(seed);
        SplittableRandom castRandom = random.split();
        SplittableRandom scheduleRandom = random.split();
        SplittableRandom simulationRandom = random.split();
        SplittableRandom duplicateRandom = random.split();
        SplittableRandom aftermathRandom = random.split();
        long nowSecond = now.getEpochSecond();
        List<DemoCommunities.Spec> communities = DemoCommunities.withBranches(size.branches());
        DemoCast cast = DemoCast.cast(size.members(), communities, castRandom);
        long historyStart = DemoSchedule.startOfDay(nowSecond - size.years() * 365L * DemoSchedule.DAY);
        List<DemoSchedule.Slot> slots = DemoSchedule.slots(size, communities, historyStart, nowSecond, scheduleRandom);
        DemoSimulation simulation = new DemoSimulation(size, communities, cast, slots, historyStart, nowSecond,
                simulationRandom);
        List<DemoPlan.Event> events = simulation.run();
        List<DemoPlan.Person> people = DemoDuplicates.apply(cast.people, events, duplicateRandom);
        DemoPlan plan = new DemoPlan(communities, people, simulation.memberCreatedAt(), List.copyOf(events),
                historyStart, DemoPlan.Aftermath.none());
        return new DemoPlan(communities, people, plan.memberCreatedAt(), plan.events(), historyStart,
                DemoAftermath.plan(plan, nowSecond, aftermathRandom));
    }
}
