package io.firstpin.demo;

/**
 * How big a demo organization is.
 *
 * @param branches branch communities (支部) below the national community; regional ones come first, then topic ones
 * @param members members of the organization, staff included
 * @param events events over the whole history, upcoming ones included
 * @param attendances about how many check-ins the past events should have
 * @param years years of history before "now"
 */
public record DemoSize(int branches, int members, int events, int attendances, int years) {

    public static final int MIN_BRANCHES = 6;

    public DemoSize {
        if (branches < MIN_BRANCHES || branches > DemoCommunities.MAX_BRANCHES) {
            throw new IllegalArgumentException("branches must be between " + MIN_BRANCHES + " and "
                    + DemoCommunities.MAX_BRANCHES + ": " + branches);
        }
        if (years < 1 || years > 10) {
            throw new IllegalArgumentException("years must be between 1 and 10: " + years);
        }
        if (members < 50) {
            throw new IllegalArgumentException("at least 50 members are needed: " + members);
        }
        int minimumEvents = 2 * years + 2 * branches;
        if (events < minimumEvents) {
            throw new IllegalArgumentException("at least " + minimumEvents + " events are needed for " + branches
                    + " branches over " + years + " years: " + events);
        }
        if (attendances < events) {
            throw new IllegalArgumentException("attendances must be at least the number of events: " + attendances);
        }
    }

    /** What the quick start loads: the six regional branches, two topic branches, two years. */
    public static DemoSize standard() {
        return new DemoSize(8, 3_000, 160, 8_000, 2);
    }

    /** For benchmarks: about a million check-ins. */
    public static DemoSize large() {
        return new DemoSize(40, 200_000, 5_000, 1_000_000, 5);
    }

    /** A small organization with the standard shape, for tests. */
    public static DemoSize of(int members, int events) {
        return new DemoSize(8, members, events, members * 8 / 3, 2);
    }
}
