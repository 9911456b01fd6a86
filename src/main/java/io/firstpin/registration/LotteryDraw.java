package io.firstpin.registration;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The recorded draw of a lottery frame: the seed, the applicants it was drawn from (ascending registration ids) and the
 * result (the drawn order, whose first {@code winners} were confirmed). A frame is drawn once; afterwards it fills
 * first come first served.
 */
public record LotteryDraw(Long id, long organizationId, long frameId, long seed, String algorithm, Instant drawnAt,
        List<Long> applicantIds, List<Long> drawOrder, int winners) {

    public LotteryDraw {
        Objects.requireNonNull(algorithm);
        Objects.requireNonNull(drawnAt);
        applicantIds = List.copyOf(applicantIds);
        drawOrder = List.copyOf(drawOrder);
        if (drawOrder.size() != applicantIds.size() || winners < 0 || winners > drawOrder.size()) {
            throw new IllegalArgumentException("a draw orders its applicants and picks at most all of them");
        }
    }

    /** Draws the applicants for {@code seats} free seats (null: unlimited) with the given seed. */
    static LotteryDraw draw(long organizationId, long frameId, long seed, Collection<Long> applicants, Integer seats,
            Instant now) {
        List<Long> ascending = applicants.stream().sorted().toList();
        return new LotteryDraw(null, organizationId, frameId, seed, Lottery.ALGORITHM, now, ascending,
                Lottery.shuffle(seed, ascending), Lottery.winners(ascending.size(), seats));
    }

    public LotteryDraw withId(long newId) {
        return new LotteryDraw(newId, organizationId, frameId, seed, algorithm, drawnAt, applicantIds, drawOrder,
                winners);
    }

    public int applicants() {
        return applicantIds.size();
    }

    /** Confirmed by the draw. */
    public List<Long> winnerIds() {
        return drawOrder.subList(0, winners);
    }

    /** Waitlisted by the draw, first in line first. */
    public List<Long> waitlistIds() {
        return drawOrder.subList(winners, drawOrder.size());
    }

    /** Whether shuffling the recorded applicants with the recorded seed gives the recorded order again. */
    public boolean reproducible() {
        return Lottery.ALGORITHM.equals(algorithm) && Lottery.shuffle(seed, applicantIds).equals(drawOrder);
    }
}
