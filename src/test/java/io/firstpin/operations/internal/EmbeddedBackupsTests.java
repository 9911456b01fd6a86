package io.firstpin.operations.internal;

import static io.firstpin.platform.db.Tables.ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.FirstpinApplication;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Online backups of the embedded H2 file: taken while it runs, the newest kept, and each one opens as the database. */
class EmbeddedBackupsTests {

    @TempDir
    Path dataDir;

    @Test
    void aBackupTakenWhileRunningOpensAsTheDatabaseAndOnlyTheNewestAreKept() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("firstpin") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        Path latest;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FirstpinApplication.class)
                .run("--server.port=-1", "--spring.datasource.url=" + url, "--firstpin.data-dir=" + dataDir, "--firstpin.backup.keep=2",
                        "--db-scheduler.enabled=false")) {
            app.getBean(Organizations.class).found(new Slug("backed-up"), "Backed up");
            EmbeddedBackups backups = app.getBean(EmbeddedBackups.class);
            backups.backUp().orElseThrow();
            Thread.sleep(1100);
            backups.backUp().orElseThrow();
            Thread.sleep(1100);
            latest = backups.backUp().orElseThrow();
        }

        try (Stream<Path> files = Files.list(dataDir.resolve("backups"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).hasSize(2)
                    .last().isEqualTo(latest.getFileName().toString());
        }
        Path restored = dataDir.resolve("restored");
        unzip(latest, restored);
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("firstpin")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE", "sa", "")) {
            assertThat(DSL.using(connection, SQLDialect.H2).select(ORGANIZATION.SLUG).from(ORGANIZATION)
                    .fetch(ORGANIZATION.SLUG)).isEqualTo(List.of("backed-up"));
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Files.copy(entries, into.resolve(Path.of(entry.getName()).getFileName()));
            }
        }
    }
}
