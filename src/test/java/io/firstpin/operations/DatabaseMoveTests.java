package io.firstpin.operations;

import static io.firstpin.platform.db.Tables.COMMUNITY;
import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.FirstpinApplication;
import io.firstpin.demo.DemoDataGenerator;
import io.firstpin.demo.DemoSize;
import io.firstpin.member.MemberMerges;
import io.firstpin.platform.db.DefaultSchema;
import io.firstpin.testing.ApiClient;
import io.firstpin.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Moving off the embedded database: an organization kept in the embedded H2 file moves into an empty PostgreSQL
 * database (the embedded one the tests start) by the {@code --move-to} command, and the application started on
 * PostgreSQL answers what it answered before. Always from H2 to PostgreSQL, so not run once per test database.
 */
class DatabaseMoveTests {

    private static final String TOKEN = "move-7f3a9c1e5b2d8f4a6c0e9b3d7a1f5c8e2b6d4a0f";

    @TempDir
    Path dataDir;

    @Test
    void theDemoOrganizationMovesFromTheEmbeddedFileToAnEmptyPostgresWithEveryRowAndTheSameKpis() throws Exception {
        String h2 = "jdbc:h2:file:" + dataDir.resolve("firstpin")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";
        List<String> embedded = List.of("--spring.datasource.url=" + h2, "--spring.datasource.username=sa",
                "--spring.datasource.password=", "--firstpin.data-dir=" + dataDir, "--firstpin.bootstrap-token=" + TOKEN);
        String kpis;
        JsonNode before;
        try (ConfigurableApplicationContext app = start(embedded)) {
            app.getBean(DemoDataGenerator.class).generate(DemoSize.of(200, 40), 20, Instant.parse("2026-03-01T00:00:00Z"));
            DSLContext db = app.getBean(DSLContext.class);
            long organization = db.select(ORGANIZATION.ID).from(ORGANIZATION).fetchSingle().value1();
            List<Long> members = db.select(MEMBER.ID).from(MEMBER).orderBy(MEMBER.ID).limit(2).fetch(MEMBER.ID);
            // an older member merged into a newer one: a row pointing at a row copied after it
            app.getBean(MemberMerges.class).merge(organization, members.get(1), members.get(0));
            String community = db.select(COMMUNITY.SLUG).from(COMMUNITY).where(COMMUNITY.PARENT_ID.isNull())
                    .orderBy(COMMUNITY.ID).limit(1).fetchSingle().value1();
            kpis = "/api/v1/communities/" + community + "/kpis?from=2023-01-01&to=2026-12-31";
            before = api(app).get(kpis).json();
        }
        Map<String, Object> postgres = TestDatabase.POSTGRES.newDatabase();
        String target = (String) postgres.get("spring.datasource.url");

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int exit = DatabaseMove.run(FirstpinApplication.class, withMove(embedded, target), new PrintStream(console,
                true, StandardCharsets.UTF_8));

        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isEqualTo(DatabaseMove.MOVED);
        assertThat(printed).contains("Creating the schema", "registration: ", "Comparing row counts", "Moved ");
        Map<String, Integer> inH2 = rowCounts(h2, "sa", SQLDialect.H2);
        Map<String, Integer> inPostgres = rowCounts(target, "postgres", SQLDialect.POSTGRES);
        assertThat(inPostgres).isEqualTo(inH2);
        assertThat(inH2.get("member")).isGreaterThanOrEqualTo(200);
        assertThat(inH2.get("attendee_event")).isPositive();
        assertThat(inH2.get("member_merge")).isOne();

        List<String> onPostgres = List.of("--spring.datasource.url=" + target, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--firstpin.data-dir=" + dataDir, "--firstpin.bootstrap-token=" + TOKEN);
        try (ConfigurableApplicationContext app = start(onPostgres)) {
            assertThat(api(app).get(kpis).json()).isEqualTo(before);
            // new rows take ids after the copied ones
            ApiClient.Answer created = api(app).post("/api/v1/organizations",
                    ApiClient.json("slug", "after-the-move", "name", "After the move"));
            assertThat(created.status()).isEqualTo(201);
        }
    }

    @Test
    void aTargetThatIsNotEmptyIsRefusedAndLeftAsItWas() throws Exception {
        String h2 = "jdbc:h2:file:" + dataDir.resolve("firstpin") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        List<String> embedded = List.of("--spring.datasource.url=" + h2, "--spring.datasource.username=sa",
                "--spring.datasource.password=", "--firstpin.data-dir=" + dataDir);
        String target = (String) TestDatabase.POSTGRES.newDatabase().get("spring.datasource.url");
        try (Connection connection = DriverManager.getConnection(target, "postgres", "")) {
            connection.createStatement().execute("create table someone_elses (id int primary key)");
            connection.createStatement().execute("insert into someone_elses values (1)");
        }

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int exit = DatabaseMove.run(FirstpinApplication.class, withMove(embedded, target), new PrintStream(console,
                true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(DatabaseMove.REFUSED);
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("Not moved: the target database is not empty", "someone_elses");
        try (Connection connection = DriverManager.getConnection(target, "postgres", "")) {
            DSLContext db = DSL.using(connection, SQLDialect.POSTGRES);
            assertThat(db.fetch("select table_name from information_schema.tables where table_schema = 'public'")
                    .getValues(0, String.class)).containsExactly("someone_elses");
        }
    }

    @Test
    void aTargetThatIsNotPostgresIsRefusedBeforeAnythingStarts() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        int exit = DatabaseMove.run(FirstpinApplication.class, new String[] {"--move-to=jdbc:mysql://db/firstpin"},
                new PrintStream(console, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(DatabaseMove.USAGE);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("--move-to takes the JDBC URL of a PostgreSQL");
    }

    private static ConfigurableApplicationContext start(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.add("--server.port=0");
        return new SpringApplicationBuilder(FirstpinApplication.class).run(all.toArray(String[]::new));
    }

    private static String[] withMove(List<String> args, String target) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--move-to=" + target, "--move-to-username=postgres", "--move-to-password="));
        return all.toArray(String[]::new);
    }

    private static ApiClient api(ConfigurableApplicationContext app) {
        return new ApiClient(((WebServerApplicationContext) app).getWebServer().getPort(), TOKEN);
    }

    private static Map<String, Integer> rowCounts(String url, String user, SQLDialect dialect) throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            DSLContext db = DSL.using(connection, dialect);
            for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
                counts.put(table.getName(), db.fetchCount(table));
            }
        }
        return counts;
    }
}
