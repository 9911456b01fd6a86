package io.firstpin.output.internal;

import io.firstpin.platform.limits.Limit;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outputs: how posts are linked to events, how feeds are polled, when attendees are asked for a report.
 *
 * @param linkWindowAfterEvent a feed post published up to this long after an event's end can report on it
 * @param feedPollInterval each feed is read this often
 * @param feedMaxBackoff a failing feed waits twice as long after each failure, but never longer than this
 * @param feedCheckInterval how often due feeds are looked for
 * @param feedsPerRun at most this many feeds are read in one run, the ones due longest first
 * @param nudgeAfter attendees who have not posted a report are asked this long after the event ends
 * @param nudgeCheckInterval how often events due for the nudge are looked for
 * @param nudgeEnabled false sends no nudges at all
 * @param reportsPerAddressPerHour reports one client address may submit per hour (private page, nudge page, API)
 */
@ConfigurationProperties("firstpin.outputs")
public record OutputProperties(@DefaultValue("30d") Duration linkWindowAfterEvent,
        @DefaultValue("1h") Duration feedPollInterval,
        @DefaultValue("24h") Duration feedMaxBackoff,
        @DefaultValue("1m") Duration feedCheckInterval,
        @DefaultValue("50") int feedsPerRun,
        @DefaultValue("3d") Duration nudgeAfter,
        @DefaultValue("10m") Duration nudgeCheckInterval,
        @DefaultValue("true") boolean nudgeEnabled,
        @DefaultValue("1m") Duration previewCheckInterval,
        @DefaultValue("20") int previewsPerRun,
        @DefaultValue("20") int reportsPerAddressPerHour) {

    public OutputProperties {
        for (Duration positive : new Duration[] {feedPollInterval, feedMaxBackoff, feedCheckInterval, nudgeCheckInterval,
                previewCheckInterval}) {
            if (positive.isNegative() || positive.isZero()) {
                throw new IllegalArgumentException("firstpin.outputs intervals must be positive: " + positive);
            }
        }
        if (linkWindowAfterEvent.isNegative() || nudgeAfter.isNegative() || feedsPerRun < 1 || previewsPerRun < 1
                || reportsPerAddressPerHour < 1) {
            throw new IllegalArgumentException("firstpin.outputs.link-window-after-event and nudge-after cannot be "
                    + "negative, feeds-per-run, previews-per-run and the report limits must be at least 1");
        }
    }

    public Limit reportsPerAddress() {
        return Limit.of("report", reportsPerAddressPerHour, Duration.ofHours(1));
    }
}
