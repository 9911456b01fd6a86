package io.firstpin.operations.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Online backups of the embedded database: H2's {@code BACKUP TO} writes a consistent copy of the database file into
 * a zip while the application runs, through the db-scheduler task {@code operations-embedded-backup}; the newest
 * {@code firstpin.backup.keep} are kept. Nothing happens on PostgreSQL, whose backups are pg_dump's and the WAL
 * archive's (docs/operations.md).
 */
@Component
public class EmbeddedBackups {

    static final String TASK = "operations-embedded-backup";
    private static final String PREFIX = "firstpin-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(EmbeddedBackups.class);

    private final DSLContext db;
    private final BackupProperties properties;
    private final Environment environment;
    private final Clock clock;

    EmbeddedBackups(DSLContext db, BackupProperties properties, Environment environment, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.environment = environment;
        this.clock = clock;
    }

    /** Backs the embedded database up and answers the file written; empty when the database is not the H2 file. */
    public Optional<Path> backUp() {
        if (!environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:file:")) {
            return Optional.empty();
        }
        Path directory = properties.directoryUnder(environment.getProperty("firstpin.data-dir", "./data"));
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(PREFIX + STAMP.format(clock.instant()) + ".zip").toAbsolutePath();
            db.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
            log.info("Embedded database backed up to {} ({} bytes)", file, Files.size(file));
            prune(directory);
            return Optional.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not back up the embedded database into " + directory, e);
        }
    }

    private void prune(Path directory) throws IOException {
        List<Path> backups;
        try (Stream<Path> files = Files.list(directory)) {
            // the names sort by time
            backups = files.filter(f -> f.getFileName().toString().startsWith(PREFIX)
                    && f.getFileName().toString().endsWith(".zip")).sorted().toList();
        }
        for (Path old : backups.subList(0, Math.max(0, backups.size() - properties.keep()))) {
            Files.delete(old);
        }
    }
}
