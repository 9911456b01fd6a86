package io.firstpin.history.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param backgroundFrom a file uploaded on the staff page at least this large is imported in the background, with a
 *        progress bar; a smaller one answers at once
 * @param jobCheckInterval how often queued imports are looked for
 */
@ConfigurationProperties("firstpin.history")
public record HistoryProperties(@DefaultValue("512KB") DataSize backgroundFrom,
        @DefaultValue("2s") Duration jobCheckInterval) {

    public HistoryProperties {
        if (jobCheckInterval.isNegative() || jobCheckInterval.isZero()) {
            throw new IllegalArgumentException("firstpin.history.job-check-interval must be positive");
        }
    }
}
