package io.firstpin.registration;

import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

/**
 * The shuffle behind a lottery draw, a pure function of a seed and the applicants, so that anyone who holds a recorded
 * draw's seed and applicant list can reproduce its result, in any language:
 * <ol>
 * <li>order the applicants' registration ids ascending: {@code a[0..n-1]};</li>
 * <li>create {@code new java.util.Random(seed)}; its generator (a 48-bit linear congruential generator) and its
 * {@code nextInt(bound)} are fixed by the Java SE specification, the same on every JVM;</li>
 * <li>for {@code i} from {@code n-1} down to 1: {@code j = random.nextInt(i + 1)}, swap {@code a[i]} and {@code a[j]}
 * (Fisher–Yates);</li>
 * <li>the result is the drawn order: the first {@code seats} win (everyone when the frame is unlimited), the others are
 * waitlisted in this order.</li>
 * </ol>
 * The seed comes from {@link java.security.SecureRandom} at draw time, so nobody can pick or predict it; the
 * applicants are fixed before it exists. Applicants nominated by staff (指名) are not shuffled: they come first, in
 * nomination order, and only the others are the shuffle's input (see {@link LotteryDraw}).
 */
public final class Lottery {

    /** The name recorded with every draw made by {@link #shuffle}. */
    public static final String ALGORITHM = "fisher-yates/java.util.Random/ascending-ids";

    private Lottery() {
    }

    /** The applicants in drawn order. */
    public static List<Long> shuffle(long seed, Collection<Long> applicantIds) {
        long[] order = applicantIds.stream().mapToLong(Long::longValue).sorted().toArray();
        if (LongStream.of(order).distinct().count() != order.length) {
            throw new IllegalArgumentException("every applicant takes part once: " + applicantIds);
        }
        Random random = new Random(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swapped = order[i];
            order[i] = order[j];
            order[j] = swapped;
        }
        return LongStream.of(order).boxed().toList();
    }

    /** How many of the applicants win; {@code seats} null means the frame is unlimited. */
    public static int winners(int applicants, Integer seats) {
        return seats == null ? applicants : Math.max(0, Math.min(applicants, seats));
    }
}
