package io.firstpin.insight;

import io.firstpin.community.Community;
import java.time.LocalDate;
import java.util.List;

/**
 * The ladder of a community, or of a community with its branches, as it stood at the end of a period: how many members
 * reached each step (staff counted apart), how many of them reached it during the period, the conversion from the step
 * below and the median days it took, and the members ready for their next step. Definitions in docs/insight.md.
 *
 * @param rungs one per step, in ladder order
 * @param ready for each step but the first and the last, its members who have not reached the next step yet
 */
public record LadderReport(Community community, boolean withBranches, Period period, List<Rung> rungs,
        List<ReadyList> ready) {

    public LadderReport {
        rungs = List.copyOf(rungs);
        ready = List.copyOf(ready);
    }

    public Rung rung(LadderStep step) {
        return rungs.get(step.ordinal());
    }

    /**
     * @param members members (staff left out) who reached the step by the end of the period
     * @param reachedInPeriod of those, the ones who first reached it during the period
     * @param staff staff members who reached it, shown apart
     * @param conversionFromPrevious members of this step who also reached the one below, over the members of the one
     *        below; null for the first step or when nobody reached the one below
     * @param medianDaysFromPrevious over the members who reached the step below and then this one, in that order, the
     *        median of the days between; never negative; null when nobody did
     * @param skippedPrevious members of this step who never reached the one below (an organizer who never gave a case
     *        study), counted apart
     * @param previousLater members of this step who reached the one below only afterwards, counted apart from the days
     */
    public record Rung(LadderStep step, int members, int reachedInPeriod, int staff, Double conversionFromPrevious,
            Double medianDaysFromPrevious, int skippedPrevious, int previousLater) {
    }

    /**
     * @param reached the step its members are on
     * @param next the step they have not reached yet
     * @param total how many members are ready; {@code members} may hold only the most recently active of them
     */
    public record ReadyList(LadderStep reached, LadderStep next, int total, List<ReadyMember> members) {

        public ReadyList {
            members = List.copyOf(members);
        }
    }

    /** @param lastActiveOn their latest activity in scope: an event attended, a talk, an output or a role's start */
    public record ReadyMember(long memberId, String displayName, int eventsAttended, LocalDate lastActiveOn) {
    }
}
