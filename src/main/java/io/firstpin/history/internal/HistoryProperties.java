package io.firstpin.history.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param backgroundFrom a file uploaded on the staff page at least this large is imported in the background, with a
 *        progress bar; a smaller one answers at once
 * @param jobCheckInterval how often queued imports are looked for
 * @param preparedBulkKeptFor a bulk import uploaded and never started is deleted, its files with it, this long after
 *        the upload
 * @param cleanupInterval how often bulk imports left unstarted are looked for
 */
@ConfigurationProperties("firstpin.history")
public record HistoryProperties(@DefaultValue("512KB") DataSize backgroundFrom,
        @DefaultValue("2s") Duration jobCheckInterval, @DefaultValue("7d") Duration preparedBulkKeptFor,
        @DefaultValue("1h") Duration cleanupInterval) {

    public HistoryProperties {
        requirePositive(jobCheckInterval, "job-check-interval");
        requirePositive(preparedBulkKeptFor, "prepared-bulk-kept-for");
        requirePositive(cleanupInterval, "cleanup-interval");
    }

    private static void requirePositive(Duration duration, String property) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("firstpin.history." + property + " must be positive");
        }
    }
}
