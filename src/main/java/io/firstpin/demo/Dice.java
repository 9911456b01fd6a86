package io.firstpin.demo;

import java.util.SplittableRandom;

/** The simulation's small sums of chance and rounding, drawn from the one random source so that a seed replays. */
final class Dice {

    private Dice() {
    }

    static long uniform(SplittableRandom random, long from, long until) {
        return until <= from ? from : from + (long) (random.nextDouble() * (until - from));
    }

    static double between(SplittableRandom random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }

    static int roundUp(double value, int step) {
        return Math.max(step, (int) Math.ceil(value / step) * step);
    }
}
