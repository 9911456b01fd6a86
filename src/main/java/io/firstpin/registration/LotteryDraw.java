package io.firstpin.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The recorded draw of a lottery frame: who was nominated (指名) and by whom, the seed, the applicants it was drawn from
 * (ascending registration ids, the nominated left out) and the result. The drawn order is the nominees in the order
 * they were nominated, then the shuffled applicants; its first {@code winners} were confirmed. A frame is drawn once;
 * afterwards it fills first come first served.
 *
 * @param nominatedBy who nominated each of {@code nomineeIds}, in the same order: a staff account or an API token
 *        ({@code account 12}, {@code token 3}), as the audit log names them
 */
public record LotteryDraw(Long id, long organizationId, long frameId, long seed, String algorithm, Instant drawnAt,
        List<Long> nomineeIds, List<String> nominatedBy, List<Long> applicantIds, List<Long> drawOrder, int winners) {

    public LotteryDraw {
        Objects.requireNonNull(algorithm);
        Objects.requireNonNull(drawnAt);
        nomineeIds = List.copyOf(nomineeIds);
        nominatedBy = List.copyOf(nominatedBy);
        applicantIds = List.copyOf(applicantIds);
        drawOrder = List.copyOf(drawOrder);
        if (nominatedBy.size() != nomineeIds.size()) {
            throw new IllegalArgumentException("every nominee has the one who nominated them");
        }
        if (drawOrder.size() != nomineeIds.size() + applicantIds.size() || winners < 0
                || winners > drawOrder.size()) {
            throw new IllegalArgumentException("a draw orders its applicants and picks at most all of them");
        }
    }

    /**
     * Draws for {@code seats} free seats (null: unlimited) with the given seed: the nominees, in nomination order, take
     * seats first, and the other applicants are shuffled for the rest.
     */
    static LotteryDraw draw(long organizationId, long frameId, long seed, List<Nomination> nominations,
            Collection<Long> applicants, Integer seats, Instant now) {
        List<Long> nominees = nominations.stream().map(Nomination::registrationId).toList();
        List<Long> ascending = applicants.stream().filter(id -> !nominees.contains(id)).sorted().toList();
        List<Long> order = new ArrayList<>(nominees);
        order.addAll(Lottery.shuffle(seed, ascending));
        return new LotteryDraw(null, organizationId, frameId, seed, Lottery.ALGORITHM, now, nominees,
                nominations.stream().map(Nomination::nominatedBy).toList(), ascending, order,
                Lottery.winners(order.size(), seats));
    }

    /** Draws without nominees. */
    static LotteryDraw draw(long organizationId, long frameId, long seed, Collection<Long> applicants, Integer seats,
            Instant now) {
        return draw(organizationId, frameId, seed, List.of(), applicants, seats, now);
    }

    public LotteryDraw withId(long newId) {
        return new LotteryDraw(newId, organizationId, frameId, seed, algorithm, drawnAt, nomineeIds, nominatedBy,
                applicantIds, drawOrder, winners);
    }

    /** How many took part: the nominated and the drawn. */
    public int applicants() {
        return drawOrder.size();
    }

    /** Confirmed by the draw. */
    public List<Long> winnerIds() {
        return drawOrder.subList(0, winners);
    }

    /** Waitlisted by the draw, first in line first. */
    public List<Long> waitlistIds() {
        return drawOrder.subList(winners, drawOrder.size());
    }

    /**
     * Whether the recorded nominees followed by the recorded applicants shuffled with the recorded seed give the
     * recorded order again.
     */
    public boolean reproducible() {
        List<Long> expected = new ArrayList<>(nomineeIds);
        expected.addAll(Lottery.shuffle(seed, applicantIds));
        return Lottery.ALGORITHM.equals(algorithm) && expected.equals(drawOrder);
    }
}
