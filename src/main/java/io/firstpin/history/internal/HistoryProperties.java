package io.firstpin.history.internal;

import io.firstpin.history.BulkUpload;
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
 * @param uploadMaxFiles the files one bulk upload may hold, each file in a zip counted
 * @param uploadMaxFileSize the unpacked size of one file of a bulk upload
 * @param uploadMaxTotalSize the unpacked size of all the files of one bulk upload together
 * @param uploadMaxRequestSize the largest request a bulk upload may be, as sent (zips packed); the servlet container's
 *        {@code spring.servlet.multipart.max-request-size} must be at least as large
 * @param stalledAfter a running bulk import that has not moved on for this long (its instance died) is failed, so
 *        that its organization may import again
 */
@ConfigurationProperties("firstpin.history")
public record HistoryProperties(@DefaultValue("512KB") DataSize backgroundFrom,
        @DefaultValue("2s") Duration jobCheckInterval, @DefaultValue("7d") Duration preparedBulkKeptFor,
        @DefaultValue("1h") Duration cleanupInterval, @DefaultValue("500") int uploadMaxFiles,
        @DefaultValue("50MB") DataSize uploadMaxFileSize, @DefaultValue("200MB") DataSize uploadMaxTotalSize,
        @DefaultValue("200MB") DataSize uploadMaxRequestSize, @DefaultValue("30m") Duration stalledAfter) {

    public HistoryProperties {
        requirePositive(jobCheckInterval, "job-check-interval");
        requirePositive(preparedBulkKeptFor, "prepared-bulk-kept-for");
        requirePositive(cleanupInterval, "cleanup-interval");
        requirePositive(stalledAfter, "stalled-after");
        // a wrong budget stops the start rather than the first upload
        new BulkUpload.Budget(uploadMaxFiles, uploadMaxFileSize.toBytes(), uploadMaxTotalSize.toBytes());
    }

    /** What one bulk upload may take. */
    public BulkUpload.Budget uploadBudget() {
        return new BulkUpload.Budget(uploadMaxFiles, uploadMaxFileSize.toBytes(),
                uploadMaxTotalSize.toBytes());
    }

    private static void requirePositive(Duration duration, String property) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("firstpin.history." + property + " must be positive");
        }
    }
}
