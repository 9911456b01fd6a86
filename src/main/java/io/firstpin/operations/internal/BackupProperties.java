package io.firstpin.operations.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param interval FIRSTPIN_BACKUP_INTERVAL: how often the embedded database is backed up while it runs
 * @param keep FIRSTPIN_BACKUP_KEEP: how many backups are kept, the newest
 * @param directory FIRSTPIN_BACKUP_DIRECTORY: where they are written; empty: {@code backups} in the data directory
 */
@ConfigurationProperties("firstpin.backup")
record BackupProperties(@DefaultValue("24h") Duration interval, @DefaultValue("7") int keep,
        @DefaultValue("") String directory) {

    BackupProperties {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("firstpin.backup.interval must be positive: " + interval);
        }
        if (keep < 1) {
            throw new IllegalArgumentException("firstpin.backup.keep must be 1 or more: " + keep);
        }
    }

    Path directoryUnder(String dataDir) {
        return directory.isBlank() ? Path.of(dataDir, "backups") : Path.of(directory);
    }
}
