package io.firstpin.insight;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The self-running index (自走) of a scope over a period: of the events whose organizers are known, the share organized
 * without a staff member among them. An event's organizers are the leaders of its community whose role is held on the
 * event's day; an event without any is counted apart as unknown, never as self-run.
 */
public record SelfRunning(Counts total, List<Quarter> quarters, List<OrganizedEvent> events) {

    public SelfRunning {
        quarters = List.copyOf(quarters);
        events = List.copyOf(events);
    }

    public Double index() {
        return total.index();
    }

    public enum Organized {
        SELF_RUN,
        STAFF_RUN,
        UNKNOWN;

        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @return self-run / (self-run + staff-run), 4 decimals; null when no event has known organizers */
    public record Counts(int selfRun, int staffRun, int unknown) {

        public Double index() {
            return Ratio.of(selfRun, (long) selfRun + staffRun);
        }

        Counts plus(Counts other) {
            return new Counts(selfRun + other.selfRun, staffRun + other.staffRun, unknown + other.unknown);
        }

        Counts plus(Organized organized) {
            return switch (organized) {
                case SELF_RUN -> new Counts(selfRun + 1, staffRun, unknown);
                case STAFF_RUN -> new Counts(selfRun, staffRun + 1, unknown);
                case UNKNOWN -> new Counts(selfRun, staffRun, unknown + 1);
            };
        }
    }

    /** @param quarter as {@code 2025-Q2}, in the reported community's time zone */
    public record Quarter(String quarter, Counts counts) {
    }

    public record OrganizedEvent(long id, long communityId, String title, Instant startsAt, Organized organized,
            List<String> organizers) {

        public OrganizedEvent {
            organizers = List.copyOf(organizers);
        }
    }
}
