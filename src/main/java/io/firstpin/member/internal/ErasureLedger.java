package io.firstpin.member.internal;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static io.firstpin.platform.db.Tables.ATTENDANCE_UNDO;
import static io.firstpin.platform.db.Tables.COMMUNITY_FOLLOW;
import static io.firstpin.platform.db.Tables.EMAIL_OPT_OUT;
import static io.firstpin.platform.db.Tables.FOLLOW_ANNOUNCEMENT;
import static io.firstpin.platform.db.Tables.EMAIL_PREFERENCE_LINK;
import static io.firstpin.platform.db.Tables.HISTORY_BULK_FILE;
import static io.firstpin.platform.db.Tables.HISTORY_IMPORT;
import static io.firstpin.platform.db.Tables.HISTORY_IMPORT_JOB;
import static io.firstpin.platform.db.Tables.HISTORY_IMPORT_PERSON;
import static io.firstpin.platform.db.Tables.LEADER_ROLE;
import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.MEMBER_AUDIENCE;
import static io.firstpin.platform.db.Tables.MEMBER_FEED;
import static io.firstpin.platform.db.Tables.MEMBER_IDENTITY;
import static io.firstpin.platform.db.Tables.MEMBER_MERGE;
import static io.firstpin.platform.db.Tables.MEMBER_MERGE_CHANGE;
import static io.firstpin.platform.db.Tables.MEMBER_PASSKEY;
import static io.firstpin.platform.db.Tables.MEMBER_PASSKEY_USER;
import static io.firstpin.platform.db.Tables.MEMBER_SIGN_IN_CODE;
import static io.firstpin.platform.db.Tables.NOTIFICATION_OUTBOX;
import static io.firstpin.platform.db.Tables.OUTPUT;
import static io.firstpin.platform.db.Tables.OUTPUT_NUDGE;
import static io.firstpin.platform.db.Tables.REGISTRATION;
import static io.firstpin.platform.db.Tables.REGISTRATION_ANSWER;
import static io.firstpin.platform.db.Tables.REGISTRATION_LINK;
import static io.firstpin.platform.db.Tables.SEGMENT_MESSAGE_RECIPIENT;
import static io.firstpin.platform.db.Tables.SESSION_SPEAKER;
import static io.firstpin.platform.db.Tables.SURVEY_ANSWER;
import static io.firstpin.platform.db.Tables.SURVEY_QUESTION;
import static io.firstpin.platform.db.Tables.SURVEY_RESPONSE;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Erases people's personal data from every table that holds any, in the caller's transaction. Like the merge ledger it
 * writes other modules' tables directly (registrations, survey responses, imports, the outbox...), since one erasure
 * must cover all of them at once or none; {@link #memberColumns()} and {@link #otherTables()} say what it covers, and
 * a test holds them against the schema, so that a new table with member data cannot be forgotten.
 *
 * <p>What stays is what the KPIs count, pointing at the member row, which stays too as an anonymous person: the
 * registrations' statuses, the check-ins, the talks, the outputs, the leader roles, the survey scores. What goes is
 * what names or reaches the person: names, email addresses, identities and handles, free text, reach, feeds, private
 * links, the email they were sent, their passkeys, and the uploaded files that name them.
 */
@Component
public class ErasureLedger {

    /** What an erased person is shown as, as connpass shows a withdrawn user. */
    public static final String ERASED_NAME = "(退会ユーザー)";

    private final DSLContext db;
    private final ImportedFiles files;

    ErasureLedger(DSLContext db, ImportedFiles files) {
        this.db = db;
        this.files = files;
    }

    /** What erasure does to the rows of each column pointing at a member. */
    public enum Treatment {
        /** The row stays, counted, with its personal columns cleared. */
        ANONYMISED,
        /** The row is deleted. */
        DELETED,
        /** The row stays as it is: it holds nothing personal beyond pointing at the (now anonymous) member. */
        KEPT
    }

    /** Every column pointing at a member that erasure covers, with what it does to the rows. */
    public static Map<TableField<?, Long>, Treatment> memberColumns() {
        Map<TableField<?, Long>, Treatment> columns = new LinkedHashMap<>();
        columns.put(MEMBER_IDENTITY.MEMBER_ID, Treatment.DELETED);
        columns.put(REGISTRATION.MEMBER_ID, Treatment.ANONYMISED);
        columns.put(ATTENDANCE.MEMBER_ID, Treatment.KEPT);
        columns.put(ATTENDANCE_UNDO.MEMBER_ID, Treatment.KEPT);
        columns.put(SESSION_SPEAKER.MEMBER_ID, Treatment.KEPT);
        columns.put(OUTPUT.AUTHOR_MEMBER_ID, Treatment.KEPT);
        columns.put(MEMBER_FEED.MEMBER_ID, Treatment.DELETED);
        columns.put(OUTPUT_NUDGE.MEMBER_ID, Treatment.DELETED);
        columns.put(HISTORY_IMPORT_PERSON.MEMBER_ID, Treatment.DELETED);
        columns.put(SURVEY_RESPONSE.MEMBER_ID, Treatment.ANONYMISED);
        columns.put(LEADER_ROLE.MEMBER_ID, Treatment.KEPT);
        columns.put(MEMBER_AUDIENCE.MEMBER_ID, Treatment.DELETED);
        columns.put(SEGMENT_MESSAGE_RECIPIENT.MEMBER_ID, Treatment.DELETED);
        columns.put(EMAIL_OPT_OUT.MEMBER_ID, Treatment.DELETED);
        columns.put(EMAIL_PREFERENCE_LINK.MEMBER_ID, Treatment.DELETED);
        // the followers count stays as it was
        columns.put(COMMUNITY_FOLLOW.MEMBER_ID, Treatment.KEPT);
        // which new events were announced to them: mail history
        columns.put(FOLLOW_ANNOUNCEMENT.MEMBER_ID, Treatment.DELETED);
        // passkeys go with their handles: nobody signs in as an erased person
        columns.put(MEMBER_PASSKEY_USER.MEMBER_ID, Treatment.DELETED);
        return columns;
    }

    /** Tables that hold member data without pointing at a member, each cleared by its own rule below. */
    public static List<Table<?>> otherTables() {
        return List.of(MEMBER, REGISTRATION_ANSWER, REGISTRATION_LINK, SURVEY_ANSWER, MEMBER_MERGE_CHANGE,
                NOTIFICATION_OUTBOX, HISTORY_IMPORT, HISTORY_IMPORT_JOB, HISTORY_BULK_FILE, MEMBER_SIGN_IN_CODE,
                MEMBER_PASSKEY);
    }

    /**
     * Erases the people (a member with the members merged into it and the provisional members that claimed its
     * addresses): every address in {@code emails} is removed from the organization's outbox, and every uploaded file
     * of the organization that contains one of {@code traces} loses its bytes.
     */
    public Erased erase(long organizationId, Collection<Long> people, Collection<String> emails,
            Collection<String> traces, Instant now) {
        var registrations = DSL.select(REGISTRATION.ID).from(REGISTRATION).where(REGISTRATION.MEMBER_ID.in(people));
        db.deleteFrom(REGISTRATION_LINK).where(REGISTRATION_LINK.REGISTRATION_ID.in(registrations)).execute();
        int answers = db.deleteFrom(REGISTRATION_ANSWER)
                .where(REGISTRATION_ANSWER.REGISTRATION_ID.in(registrations)).execute();
        int registrationRows = db.update(REGISTRATION)
                .set(REGISTRATION.NAME, ERASED_NAME)
                .setNull(REGISTRATION.EMAIL)
                .setNull(REGISTRATION.EMAIL_KEY)
                .setNull(REGISTRATION.MANAGE_TOKEN_HASH)
                .setNull(REGISTRATION.PROOF_TOKEN_HASH)
                .setNull(REGISTRATION.CHECKIN_CODE)
                .where(REGISTRATION.ORGANIZATION_ID.eq(organizationId))
                .and(REGISTRATION.MEMBER_ID.in(people).or(DSL.lower(REGISTRATION.EMAIL).in(emails)))
                .execute();
        // free text goes; the scores the survey summaries count stay, no longer with a name
        answers += db.deleteFrom(SURVEY_ANSWER)
                .where(SURVEY_ANSWER.RESPONSE_ID.in(DSL.select(SURVEY_RESPONSE.ID).from(SURVEY_RESPONSE)
                        .where(SURVEY_RESPONSE.MEMBER_ID.in(people))))
                .and(SURVEY_ANSWER.QUESTION_ID.in(DSL.select(SURVEY_QUESTION.ID).from(SURVEY_QUESTION)
                        .where(SURVEY_QUESTION.KIND.eq("TEXT"))))
                .execute();
        int surveyResponses = db.update(SURVEY_RESPONSE)
                .setNull(SURVEY_RESPONSE.BEST)
                .setNull(SURVEY_RESPONSE.COMMENT)
                .setNull(SURVEY_RESPONSE.TALK_TOPIC)
                .set(SURVEY_RESPONSE.ANONYMOUS, true)
                .where(SURVEY_RESPONSE.MEMBER_ID.in(people))
                .execute();
        int identities = db.deleteFrom(MEMBER_IDENTITY).where(MEMBER_IDENTITY.MEMBER_ID.in(people)).execute();
        int feeds = db.deleteFrom(MEMBER_FEED).where(MEMBER_FEED.MEMBER_ID.in(people)).execute();
        db.deleteFrom(MEMBER_AUDIENCE).where(MEMBER_AUDIENCE.MEMBER_ID.in(people)).execute();
        db.deleteFrom(OUTPUT_NUDGE).where(OUTPUT_NUDGE.MEMBER_ID.in(people)).execute();
        db.deleteFrom(SEGMENT_MESSAGE_RECIPIENT).where(SEGMENT_MESSAGE_RECIPIENT.MEMBER_ID.in(people)).execute();
        db.deleteFrom(EMAIL_OPT_OUT).where(EMAIL_OPT_OUT.MEMBER_ID.in(people)).execute();
        db.deleteFrom(EMAIL_PREFERENCE_LINK).where(EMAIL_PREFERENCE_LINK.MEMBER_ID.in(people)).execute();
        db.deleteFrom(FOLLOW_ANNOUNCEMENT).where(FOLLOW_ANNOUNCEMENT.MEMBER_ID.in(people)).execute();
        db.deleteFrom(MEMBER_PASSKEY).where(MEMBER_PASSKEY.PASSKEY_USER_ID.in(DSL.select(MEMBER_PASSKEY_USER.ID)
                .from(MEMBER_PASSKEY_USER).where(MEMBER_PASSKEY_USER.MEMBER_ID.in(people)))).execute();
        db.deleteFrom(MEMBER_PASSKEY_USER).where(MEMBER_PASSKEY_USER.MEMBER_ID.in(people)).execute();
        db.deleteFrom(HISTORY_IMPORT_PERSON).where(HISTORY_IMPORT_PERSON.MEMBER_ID.in(people)).execute();
        // a merge's record names the identities it moved; merges of an erased member cannot be undone anyway
        db.deleteFrom(MEMBER_MERGE_CHANGE)
                .where(MEMBER_MERGE_CHANGE.MERGE_ID.in(DSL.select(MEMBER_MERGE.ID).from(MEMBER_MERGE)
                        .where(MEMBER_MERGE.INTO_MEMBER_ID.in(people).or(MEMBER_MERGE.FROM_MEMBER_ID.in(people)))))
                .execute();
        int emailsDeleted = emails.isEmpty() ? 0 : db.deleteFrom(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.ORGANIZATION_ID.eq(organizationId))
                .and(DSL.lower(NOTIFICATION_OUTBOX.RECIPIENT).in(emails))
                .execute();
        if (!emails.isEmpty()) {
            db.deleteFrom(MEMBER_SIGN_IN_CODE)
                    .where(MEMBER_SIGN_IN_CODE.ORGANIZATION_ID.eq(organizationId))
                    .and(MEMBER_SIGN_IN_CODE.EMAIL.in(emails))
                    .execute();
        }
        int filesErased = files.eraseContaining(organizationId, traces);
        db.update(MEMBER)
                .set(MEMBER.DISPLAY_NAME, ERASED_NAME)
                .setNull(MEMBER.CLAIMED_EMAIL)
                .set(MEMBER.ERASED_AT, now.atOffset(ZoneOffset.UTC))
                .where(MEMBER.ID.in(people))
                .execute();
        return new Erased(people.size(), identities, registrationRows, answers, surveyResponses, feeds, emailsDeleted,
                filesErased);
    }

    /** How many rows an erasure changed, by kind; numbers only, for the audit log. */
    public record Erased(int members, int identities, int registrations, int answers, int surveyResponses, int feeds,
            int emails, int files) {

        public Map<String, String> details() {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("members", String.valueOf(members));
            details.put("identities", String.valueOf(identities));
            details.put("registrations", String.valueOf(registrations));
            details.put("answers", String.valueOf(answers));
            details.put("surveyResponses", String.valueOf(surveyResponses));
            details.put("feeds", String.valueOf(feeds));
            details.put("emails", String.valueOf(emails));
            details.put("files", String.valueOf(files));
            return details;
        }
    }
}
