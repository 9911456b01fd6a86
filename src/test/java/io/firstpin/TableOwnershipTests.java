package io.firstpin;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.firstpin.platform.db.DefaultSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every table has one owning module, and only its owner reaches it through jOOQ: another module asks the owner's public
 * types. The deliberate exceptions are named with their reason; the crossings still to be moved behind their owner are
 * listed too, and the list may only shrink (an entry no longer used fails the test, so it is removed with the fix).
 */
class TableOwnershipTests {

    static final Map<String, String> OWNER = Map.ofEntries(
            entry("organization", "organization"),
            entry("staff_account", "identity"), entry("organization_role", "identity"), entry("api_token", "identity"),
            entry("spring_session", "identity"), entry("spring_session_attributes", "identity"),
            entry("staff_invitation", "identity"), entry("password_reset", "identity"),
            entry("staff_totp", "identity"), entry("two_factor_policy", "identity"),
            entry("staff_passkey_user", "identity"), entry("staff_passkey", "identity"),
            entry("community", "community"),
            entry("member", "member"), entry("member_identity", "member"), entry("member_audience", "member"),
            entry("member_merge", "member"), entry("member_merge_change", "member"),
            entry("member_merge_dismissal", "member"), entry("email_opt_out", "member"),
            entry("email_preference_link", "member"),
            entry("event", "event"), entry("event_session", "event"), entry("session_speaker", "event"),
            entry("session_material", "event"), entry("frame", "event"), entry("event_series", "event"),
            entry("registration", "registration"), entry("registration_link", "registration"),
            entry("registration_settings", "registration"), entry("registration_question", "registration"),
            entry("registration_answer", "registration"), entry("reminder_round", "registration"),
            entry("event_message", "registration"), entry("lottery_draw", "registration"),
            entry("event_reception", "registration"),
            entry("attendance", "attendance"), entry("attendance_undo", "attendance"),
            entry("attendance_code_attempt", "attendance"), entry("event_checkin_code", "attendance"),
            entry("attendee", "attendee"), entry("attendee_event", "attendee"), entry("attendee_member", "attendee"),
            entry("attendee_change", "attendee"), entry("attendee_walk", "attendee"),
            entry("attendee_state", "attendee"),
            entry("notification_outbox", "notification"),
            entry("output", "output"), entry("output_link", "output"), entry("member_feed", "output"),
            entry("output_nudge", "output"), entry("output_nudge_round", "output"),
            entry("output_report_policy", "output"),
            entry("history_import", "history"), entry("history_import_person", "history"),
            entry("history_import_job", "history"), entry("history_bulk_job", "history"),
            entry("history_bulk_file", "history"), entry("history_column_mapping", "history"),
            entry("survey_response", "survey"), entry("survey_round", "survey"),
            entry("survey_builtin_setting", "survey"), entry("survey_question", "survey"),
            entry("survey_answer", "survey"),
            entry("leader_role", "leadership"),
            entry("segment", "segment"), entry("segment_message", "segment"),
            entry("segment_message_recipient", "segment"),
            entry("audit_entry", "audit"),
            entry("member_sign_in_code", "mypage"), entry("member_passkey_user", "mypage"),
            entry("member_passkey", "mypage"), entry("community_follow", "follow"),
            entry("follow_published_event", "follow"), entry("follow_announcement", "follow"),
            entry("rate_limit_bucket", "platform"), entry("scheduled_tasks", "platform"));

    /** Modules that reach other modules' tables by design. */
    static final Map<String, String> DELIBERATE = Map.of(
            "attendee", "the attendee projection counts the history itself, in the same transaction as its writers",
            "demo", "the demo writer lays down years of history in bulk, as an import would",
            "member", "a member merge moves every row that names a member, and its undo moves them back; export and "
                    + "erasure read and clear every row that holds a person's data, in one transaction");

    /** Crossings still to be moved behind their owner's public types: module to the foreign tables it reads. */
    static final Map<String, Set<String>> TO_MOVE = Map.of();

    private static final Pattern CREATE_TABLE = Pattern.compile("create table\\s+([a-z_]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_TABLE = Pattern.compile("drop table\\s+(?:if exists\\s+)?([a-z_]+)",
            Pattern.CASE_INSENSITIVE);
    private static final String TABLES_PACKAGE = "io.firstpin.platform.db.tables";

    /**
     * Migrations from this version on are named after their owner ({@code V118__registration_frame_counts.sql}) and
     * change only its tables; the ones before were named by feature, and renaming them would change what Flyway has
     * recorded in every installed database.
     */
    static final int FIRST_MIGRATION_NAMED_BY_OWNER = 118;
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__([a-z]+)_?.*\\.sql");
    private static final Pattern CHANGED_TABLE = Pattern.compile("^\\s*(?:create table|alter table|drop table|insert into|"
            + "update|delete from|create (?:unique )?index\\s+\\w+\\s+on)\\s+(?:if (?:not )?exists\\s+)?([a-z_]+)",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private static Map<String, Set<String>> reached;

    @BeforeAll
    static void readTheCode() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/io/firstpin/platform/db/"))
                .importPackages("io.firstpin");
        reached = new TreeMap<>();
        for (JavaClass origin : classes) {
            String module = moduleOf(origin);
            if (module == null) {
                continue;
            }
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                String table = tableOf(dependency.getTargetClass());
                if (table != null) {
                    reached.computeIfAbsent(module, m -> new TreeSet<>()).add(table);
                }
            }
        }
    }

    @Test
    void everyTableOfTheSchemaAndOfTheMigrationsHasOneOwningModule() {
        Set<String> schema = DefaultSchema.DEFAULT_SCHEMA.getTables().stream().map(Table::getName)
                .map(name -> name.toLowerCase(Locale.ROOT)).filter(name -> !name.startsWith("flyway"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(OWNER.keySet()).as("tables with an owner").containsExactlyInAnyOrderElementsOf(schema);
        assertThat(OWNER.keySet()).as("tables the migrations create and keep").containsAll(keptByMigrations());
        assertThat(new HashSet<>(OWNER.values())).as("owners are modules").allMatch(TableOwnershipTests::isModule);
    }

    @Test
    void aNewMigrationIsNamedAfterTheModuleOwningEveryTableItChanges() throws IOException {
        Map<String, Set<String>> strays = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path file : files.toList()) {
                Matcher name = MIGRATION.matcher(file.getFileName().toString());
                if (!name.matches() || Integer.parseInt(name.group(1)) < FIRST_MIGRATION_NAMED_BY_OWNER) {
                    continue;
                }
                String owner = name.group(2);
                Matcher changed = CHANGED_TABLE.matcher(Files.readString(file).replaceAll("--[^\\n]*", ""));
                while (changed.find()) {
                    String table = changed.group(1).toLowerCase(Locale.ROOT);
                    if (!owner.equals(OWNER.get(table))) {
                        strays.computeIfAbsent(file.getFileName().toString(), f -> new TreeSet<>()).add(table);
                    }
                }
            }
        }
        assertThat(strays).as("migration -> tables it changes that the module in its name does not own").isEmpty();
    }

    @Test
    void aModuleReachesOnlyItsOwnTablesThroughJooq() {
        Map<String, Set<String>> crossings = new TreeMap<>();
        reached.forEach((module, tables) -> {
            if (DELIBERATE.containsKey(module)) {
                return;
            }
            Set<String> foreign = tables.stream().filter(t -> !module.equals(OWNER.get(t)))
                    .filter(t -> !TO_MOVE.getOrDefault(module, Set.of()).contains(t))
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!foreign.isEmpty()) {
                crossings.put(module, foreign);
            }
        });
        assertThat(crossings).as("module -> tables of other modules it reaches; ask the owner's public types instead")
                .isEmpty();
    }

    @Test
    void theCrossingsStillToMoveOnlyShrink() {
        Map<String, Set<String>> gone = new TreeMap<>();
        TO_MOVE.forEach((module, tables) -> {
            Set<String> unused = tables.stream().filter(t -> !reached.getOrDefault(module, Set.of()).contains(t))
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!unused.isEmpty()) {
                gone.put(module, unused);
            }
        });
        assertThat(gone).as("crossings no longer in the code: remove them from TO_MOVE").isEmpty();
    }

    private static String moduleOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith("io.firstpin.")) {
            return null;
        }
        String rest = name.substring("io.firstpin.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static String tableOf(JavaClass target) {
        String name = target.getPackageName();
        if (!name.equals(TABLES_PACKAGE) && !name.equals(TABLES_PACKAGE + ".records")) {
            return null;
        }
        String simple = target.getSimpleName().replaceFirst("Record$", "");
        return simple.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static boolean isModule(String name) {
        return Files.isDirectory(Path.of("src/main/java/io/firstpin", name));
    }

    private static Set<String> keptByMigrations() {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            Set<String> created = new TreeSet<>();
            Set<String> dropped = new TreeSet<>();
            for (Path file : files.toList()) {
                String sql = Files.readString(file);
                Matcher create = CREATE_TABLE.matcher(sql);
                while (create.find()) {
                    created.add(create.group(1).toLowerCase(Locale.ROOT));
                }
                Matcher drop = DROP_TABLE.matcher(sql);
                while (drop.find()) {
                    dropped.add(drop.group(1).toLowerCase(Locale.ROOT));
                }
            }
            created.removeAll(dropped);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
