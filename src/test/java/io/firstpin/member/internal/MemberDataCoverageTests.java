package io.firstpin.member.internal;

import static io.firstpin.platform.db.Tables.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.platform.db.DefaultSchema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Table;
import org.junit.jupiter.api.Test;

/**
 * Erasure and export cover every table that holds member data, read from the schema itself: a new column pointing at
 * members, or a new table that can hold text or files, fails here until erasure and export say what they do with it
 * (or it is listed below as holding no member data, with the reason).
 */
class MemberDataCoverageTests {

    /** Columns pointing at members that carry no personal data of their own. */
    private static final Set<String> BOOKKEEPING = Set.of(
            // a merged member points at the member it became; merges name two members by id
            "member.merged_into_id", "member_merge.into_member_id", "member_merge.from_member_id",
            "member_merge_dismissal.member_id", "member_merge_dismissal.other_member_id",
            // derived from registrations and check-ins, recounted by the attendee module, ids and times only
            "attendee.member_id", "attendee_member.member_id", "attendee_walk.member_id");

    /** Covered by erasure but not shown in an export: nothing in them a person could read. */
    private static final Set<String> NOT_EXPORTED = Set.of(
            // hashes of the secrets of emailed links
            "email_preference_link.member_id");

    /** Tables with text or binary columns that hold no member's personal data, and why. */
    private static final Map<String, String> HOLDS_NO_MEMBER_DATA = Map.ofEntries(
            Map.entry("organization", "the tenants"),
            Map.entry("staff_account", "staff accounts, not members: the identity module's"),
            Map.entry("organization_role", "staff roles"),
            Map.entry("api_token", "token names and hashes"),
            Map.entry("audit_entry",
                    "what staff did to which id, by account or token and address; never a member's name or text"),
            Map.entry("community", "communities"),
            Map.entry("event", "events as published"),
            Map.entry("event_session", "agenda items as published"),
            Map.entry("session_material", "slides and videos as published"),
            Map.entry("frame", "registration quotas"),
            Map.entry("event_series", "a community's series of events: a name and how they are numbered"),
            Map.entry("registration_settings", "an event's settings"),
            Map.entry("registration_question", "the questions staff wrote"),
            Map.entry("reminder_round", "rounds per event"),
            Map.entry("event_message", "what staff wrote to a group, and the staff account"),
            Map.entry("scheduled_tasks", "jobs"),
            Map.entry("event_checkin_code", "an event's attendance code"),
            Map.entry("attendance_code_attempt", "failed tries per registration, counts only"),
            Map.entry("output_link", "which event a post reports on, and why"),
            Map.entry("output_nudge_round", "rounds per event"),
            Map.entry("survey_round", "rounds per event"),
            Map.entry("survey_builtin_setting", "the wording staff chose"),
            Map.entry("survey_question", "the questions staff wrote"),
            Map.entry("history_column_mapping", "column mappings per header"),
            Map.entry("history_bulk_job", "an import's state"),
            Map.entry("member_merge", "merges, by member id"),
            Map.entry("member_merge_dismissal", "pairs of member ids"),
            Map.entry("segment", "saved filters"),
            Map.entry("segment_message", "what staff wrote to a segment, and the staff account"),
            Map.entry("attendee_change", "kinds and ids"),
            Map.entry("lottery_draw", "a draw's seed and registration ids"),
            Map.entry("rate_limit_bucket", "subjects kept as SHA-256, expiring"),
            Map.entry("spring_session", "HTTP sessions: a sign-in's name, deleted once unused for 30 minutes"),
            Map.entry("spring_session_attributes", "a session's sign-in and CSRF token, deleted with the session"),
            Map.entry("staff_invitation", "invitations of staff, not members: the identity module's"),
            Map.entry("password_reset", "staff password resets, hashed and expiring"),
            Map.entry("staff_totp", "staff second-factor secrets, not members'"),
            Map.entry("staff_passkey", "staff passkeys' public keys and the names staff gave them, not members'"),
            Map.entry("staff_passkey_user", "a random passkey handle per staff account"));

    private static List<Table<?>> tables() {
        return DefaultSchema.DEFAULT_SCHEMA.getTables().stream()
                .filter(t -> !t.getName().equalsIgnoreCase("flyway_schema_history"))
                .toList();
    }

    private static Set<String> columnsPointingAtMembers() {
        Set<String> columns = new TreeSet<>();
        tables().stream()
                .flatMap(table -> table.getReferences().stream())
                .filter(key -> key.getKey().getTable().getName().equals(MEMBER.getName()))
                .map(ForeignKey::getFields)
                .flatMap(List::stream)
                .map(MemberDataCoverageTests::name)
                .filter(name -> !BOOKKEEPING.contains(name))
                .forEach(columns::add);
        return columns;
    }

    private static String name(Field<?> field) {
        return (((org.jooq.TableField<?, ?>) field).getTable().getName() + "." + field.getName())
                .toLowerCase(Locale.ROOT);
    }

    @Test
    void erasureCoversEveryColumnPointingAtAMember() {
        assertThat(ErasureLedger.memberColumns().keySet()).extracting(MemberDataCoverageTests::name)
                .containsExactlyInAnyOrderElementsOf(columnsPointingAtMembers());
    }

    @Test
    void exportShowsEveryColumnPointingAtAMember() {
        Set<String> shown = new TreeSet<>(columnsPointingAtMembers());
        shown.removeAll(NOT_EXPORTED);
        assertThat(ExportQueries.memberColumns()).extracting(MemberDataCoverageTests::name)
                .containsExactlyInAnyOrderElementsOf(shown);
    }

    @Test
    void everyTableThatCanHoldTextOrFilesIsErasedOrHoldsNoMemberData() {
        Set<String> covered = new TreeSet<>();
        ErasureLedger.memberColumns().keySet().forEach(c -> covered.add(c.getTable().getName().toLowerCase(Locale.ROOT)));
        ErasureLedger.otherTables().forEach(t -> covered.add(t.getName().toLowerCase(Locale.ROOT)));
        Stream.of("attendee", "attendee_member", "attendee_walk", "attendee_event", "attendee_state")
                .forEach(covered::add);

        List<String> unaccounted = tables().stream()
                .filter(t -> Stream.of(t.fields()).anyMatch(f -> f.getDataType().isString()
                        || f.getDataType().isBinary()))
                .map(t -> t.getName().toLowerCase(Locale.ROOT))
                .filter(t -> !covered.contains(t) && !HOLDS_NO_MEMBER_DATA.containsKey(t))
                .sorted()
                .toList();

        assertThat(unaccounted).as("tables that can hold member data, neither erased nor declared free of it")
                .isEmpty();
    }
}
