package io.firstpin.platform;

import java.util.Collection;
import java.util.OptionalDouble;

/**
 * The median, one rule for every figure that uses it: the KPIs' days between events, the ladder's days to a step, the
 * love-and-reach split and the overbooking margin's no-show rate. Of an even count, the mean of the two middle values.
 */
public final class Medians {

    private Medians() {
    }

    public static OptionalDouble of(Collection<? extends Number> values) {
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return OptionalDouble.empty();
        }
        int middle = sorted.length / 2;
        return OptionalDouble.of(sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
    }

    /** The median, or null when there are no values (a figure shown as "not yet known"). */
    public static Double orNull(Collection<? extends Number> values) {
        OptionalDouble median = of(values);
        return median.isPresent() ? median.getAsDouble() : null;
    }
}
