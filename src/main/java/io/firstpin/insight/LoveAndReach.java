package io.firstpin.insight;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The members of a community (or a community with its branches) placed by love and reach. Only members with a known
 * reach are placed; those with unknown reach, and staff, are listed apart (never as zero, never on the chart).
 *
 * @param on the day love and reach are taken on: the period's last day, or today while it runs
 * @param thresholds where high love and high reach begin
 * @param placed the members on the chart, each with a quadrant, by love then reach, both descending
 * @param unknownReach members with love but no audience known, by love descending
 * @param staff staff members with love, by love descending; their quadrant is shown where their reach is known
 */
public record LoveAndReach(long communityId, boolean withBranches, Period period, LocalDate on,
        Thresholds thresholds, List<Standing> placed, List<Standing> unknownReach, List<Standing> staff) {

    public LoveAndReach {
        placed = List.copyOf(placed);
        unknownReach = List.copyOf(unknownReach);
        staff = List.copyOf(staff);
    }

    /** The placed members of one quadrant, by love descending. */
    public List<Standing> in(Quadrant quadrant) {
        return placed.stream().filter(s -> s.quadrant() == quadrant).toList();
    }

    /** Where this member stands, if they have any love in the scope. */
    public Optional<Standing> of(long memberId) {
        return Stream.of(placed, unknownReach, staff).flatMap(List::stream)
                .filter(s -> s.memberId() == memberId).findFirst();
    }

    /**
     * Love at or above {@code love} is high, reach at or above {@code reach} is high; zero is never high.
     *
     * @param loveIsMedian whether {@code love} is the median of the placed members (else configured)
     * @param reachIsMedian likewise for {@code reach}
     */
    public record Thresholds(double love, double reach, boolean loveIsMedian, boolean reachIsMedian) {

        boolean highLove(double value) {
            return value > 0 && value >= love;
        }

        boolean highReach(long value) {
            return value > 0 && value >= reach;
        }
    }

    /**
     * One member's place: love (2 decimals) and reach (null when unknown); the quadrant is null when reach is unknown.
     */
    public record Standing(long memberId, String displayName, boolean staff, double love, Long reach,
            Quadrant quadrant) {
    }
}
