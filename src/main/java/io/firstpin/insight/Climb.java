package io.firstpin.insight;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * One member's way up the ladder in one scope: the day each step was first reached, and the day of their latest
 * activity there. A step counts as reached on its own condition, whether or not the steps below it were.
 */
final class Climb {

    private final long memberId;
    private final Map<LadderStep, LocalDate> reached = new EnumMap<>(LadderStep.class);
    private int eventsAttended;
    private LocalDate lastActiveOn;

    Climb(long memberId) {
        this.memberId = memberId;
    }

    long memberId() {
        return memberId;
    }

    int eventsAttended() {
        return eventsAttended;
    }

    LocalDate lastActiveOn() {
        return lastActiveOn;
    }

    /** Attended {@code events} events: the first on {@code first}, the second on {@code second} (null after one). */
    void attended(int events, LocalDate first, LocalDate second, LocalDate latest) {
        eventsAttended = events;
        reach(LadderStep.ATTENDEE, first, latest);
        if (events >= 2) {
            reach(LadderStep.REPEATER, second, latest);
        }
    }

    /** Reached the step on {@code on} (the earliest day wins), last active there on {@code latest}. */
    void reach(LadderStep step, LocalDate on, LocalDate latest) {
        reached.merge(step, on, (a, b) -> a.isBefore(b) ? a : b);
        if (lastActiveOn == null || latest.isAfter(lastActiveOn)) {
            lastActiveOn = latest;
        }
    }

    boolean has(LadderStep step) {
        return reached.containsKey(step);
    }

    LocalDate reachedOn(LadderStep step) {
        return reached.get(step);
    }

    /** The highest step reached. */
    Optional<LadderStep> step() {
        LadderStep highest = null;
        for (LadderStep step : reached.keySet()) {
            highest = step;
        }
        return Optional.ofNullable(highest);
    }
}
