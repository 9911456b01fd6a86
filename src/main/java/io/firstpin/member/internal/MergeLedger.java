package io.firstpin.member.internal;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static io.firstpin.platform.db.Tables.ATTENDANCE_UNDO;
import static io.firstpin.platform.db.Tables.COMMUNITY_FOLLOW;
import static io.firstpin.platform.db.Tables.EMAIL_OPT_OUT;
import static io.firstpin.platform.db.Tables.FOLLOW_ANNOUNCEMENT;
import static io.firstpin.platform.db.Tables.EMAIL_PREFERENCE_LINK;
import static io.firstpin.platform.db.Tables.HISTORY_IMPORT_PERSON;
import static io.firstpin.platform.db.Tables.LEADER_ROLE;
import static io.firstpin.platform.db.Tables.MEMBER_AUDIENCE;
import static io.firstpin.platform.db.Tables.MEMBER_FEED;
import static io.firstpin.platform.db.Tables.MEMBER_IDENTITY;
import static io.firstpin.platform.db.Tables.MEMBER_MERGE_CHANGE;
import static io.firstpin.platform.db.Tables.MEMBER_PASSKEY_USER;
import static io.firstpin.platform.db.Tables.OUTPUT;
import static io.firstpin.platform.db.Tables.OUTPUT_NUDGE;
import static io.firstpin.platform.db.Tables.REGISTRATION;
import static io.firstpin.platform.db.Tables.SEGMENT_MESSAGE_RECIPIENT;
import static io.firstpin.platform.db.Tables.SESSION_SPEAKER;
import static io.firstpin.platform.db.Tables.SURVEY_RESPONSE;

import io.firstpin.platform.ConflictException;
import io.firstpin.platform.db.tables.Attendance;
import io.firstpin.platform.db.tables.EmailOptOut;
import io.firstpin.platform.db.tables.OutputNudge;
import io.firstpin.platform.db.tables.Registration;
import io.firstpin.platform.db.tables.records.MemberMergeChangeRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Moves every row that points at one member to another, and back. The rows belong to other modules (registrations,
 * check-ins, outputs, feeds, speakers, survey responses, nudges, emails to segments, imports) or to this one
 * (audience sizes, email preferences and their links), but a merge must move all of them in one transaction and record each change so that undoing it is exact; so the ledger updates
 * those tables directly, the way the KPIs read them, and {@link #memberColumns()} lists every column it handles (a
 * test checks it against the schema, so a new column pointing at members cannot be forgotten).
 *
 * <p>Where both members hold the one row an event allows: of two registrations the merged-into member keeps its own,
 * with the better status of the two (confirmed, waitlisted, applied, lost, cancelled), and the other is cancelled and
 * stays with the merged member, keeping its answers, links and survey response; of two check-ins the merged-into
 * member's stays and the other is deleted, its columns kept in the change; of two nudges, or two opt-outs of one email
 * topic, the other stays with the merged member, so the kept member is opted out when either was.
 */
@Component
public class MergeLedger {

    private static final List<String> STATUS_RANK = List.of("CANCELLED", "LOST", "APPLIED", "WAITLISTED", "CONFIRMED");
    private static final String CANCELLED = "CANCELLED";

    // the kinds of change kept in member_merge_change, which the undo reads back
    static final String MOVED = "MOVED";
    static final String KEPT_BETTER = "KEPT_BETTER";
    static final String SET_ASIDE = "SET_ASIDE";
    static final String DROPPED = "DROPPED";

    private final DSLContext db;
    private final MergeUndo undoing;

    MergeLedger(DSLContext db, MergeUndo undoing) {
        this.db = db;
        this.undoing = undoing;
    }

    /** Every column pointing at a member that a merge moves. */
    public static List<TableField<?, Long>> memberColumns() {
        return List.of(MEMBER_IDENTITY.MEMBER_ID, REGISTRATION.MEMBER_ID, ATTENDANCE.MEMBER_ID,
                ATTENDANCE_UNDO.MEMBER_ID, SESSION_SPEAKER.MEMBER_ID, OUTPUT.AUTHOR_MEMBER_ID, MEMBER_FEED.MEMBER_ID,
                OUTPUT_NUDGE.MEMBER_ID, HISTORY_IMPORT_PERSON.MEMBER_ID,
                SURVEY_RESPONSE.MEMBER_ID, LEADER_ROLE.MEMBER_ID, MEMBER_AUDIENCE.MEMBER_ID,
                SEGMENT_MESSAGE_RECIPIENT.MEMBER_ID, EMAIL_OPT_OUT.MEMBER_ID, EMAIL_PREFERENCE_LINK.MEMBER_ID,
                COMMUNITY_FOLLOW.MEMBER_ID, FOLLOW_ANNOUNCEMENT.MEMBER_ID, MEMBER_PASSKEY_USER.MEMBER_ID);
    }

    /** Moves {@code from}'s rows to {@code into}, recording each change under the merge; answers how many changed. */
    public int merge(long mergeId, long organizationId, long into, long from) {
        Changes changes = new Changes(mergeId);
        moveIdentities(changes, organizationId, into, from);
        Map<Long, Long> keptRegistrationBySetAside = registrations(changes, into, from);
        attendance(changes, into, from, keptRegistrationBySetAside);
        moveById(changes, ATTENDANCE_UNDO, ATTENDANCE_UNDO.ID, ATTENDANCE_UNDO.MEMBER_ID, into, from);
        moveById(changes, OUTPUT, OUTPUT.ID, OUTPUT.AUTHOR_MEMBER_ID, into, from);
        moveById(changes, MEMBER_FEED, MEMBER_FEED.ID, MEMBER_FEED.MEMBER_ID, into, from);
        moveById(changes, SURVEY_RESPONSE, SURVEY_RESPONSE.ID, SURVEY_RESPONSE.MEMBER_ID, into, from);
        moveById(changes, LEADER_ROLE, LEADER_ROLE.ID, LEADER_ROLE.MEMBER_ID, into, from);
        // audience observations never clash: reach takes the latest per channel of both members' rows
        moveById(changes, MEMBER_AUDIENCE, MEMBER_AUDIENCE.ID, MEMBER_AUDIENCE.MEMBER_ID, into, from);
        // an email's unsubscribe link follows the person, so using it opts out the member they became
        moveById(changes, SEGMENT_MESSAGE_RECIPIENT, SEGMENT_MESSAGE_RECIPIENT.ID,
                SEGMENT_MESSAGE_RECIPIENT.MEMBER_ID, into, from);
        moveSpeakers(changes, into, from);
        moveNudges(changes, into, from);
        // a preferences link follows the person, like an unsubscribe link
        moveById(changes, EMAIL_PREFERENCE_LINK, EMAIL_PREFERENCE_LINK.ID, EMAIL_PREFERENCE_LINK.MEMBER_ID, into,
                from);
        moveOptOuts(changes, into, from);
        // follows of both stay apart as rows; the followers count counts members, so the kept one once
        moveById(changes, COMMUNITY_FOLLOW, COMMUNITY_FOLLOW.ID, COMMUNITY_FOLLOW.MEMBER_ID, into, from);
        moveAnnouncements(changes, into, from);
        // a passkey follows the person: its handle now signs in the member they became
        moveById(changes, MEMBER_PASSKEY_USER, MEMBER_PASSKEY_USER.ID, MEMBER_PASSKEY_USER.MEMBER_ID, into, from);
        moveImportedPeople(changes, into, from);
        changes.flush();
        return changes.count();
    }

    /**
     * Puts every change of the merge back, last first ({@link MergeUndo}).
     *
     * @throws ConflictException when a row the merge changed has changed since; nothing is undone then
     */
    public void undo(long mergeId, long organizationId, long into, long from) {
        undoing.undo(mergeId, organizationId, into, from);
    }

    private void moveIdentities(Changes changes, long organizationId, long into, long from) {
        // identity rows get new ids whenever their member is saved, so they are recorded by what they name
        db.select(MEMBER_IDENTITY.ID, MEMBER_IDENTITY.KIND, MEMBER_IDENTITY.NORMALIZED_VALUE)
                .from(MEMBER_IDENTITY)
                .where(MEMBER_IDENTITY.MEMBER_ID.eq(from))
                .orderBy(MEMBER_IDENTITY.ID)
                .forEach(row -> changes.add("member_identity", MOVED, row.value1())
                        .setRowKey(row.value2() + ":" + row.value3()));
        db.update(MEMBER_IDENTITY)
                .set(MEMBER_IDENTITY.MEMBER_ID, into)
                .where(MEMBER_IDENTITY.MEMBER_ID.eq(from))
                .and(MEMBER_IDENTITY.ORGANIZATION_ID.eq(organizationId))
                .execute();
    }

    /** Answers, by the id of each registration set aside, the registration of the same event that was kept. */
    private Map<Long, Long> registrations(Changes changes, long into, long from) {
        Registration kept = REGISTRATION.as("kept");
        Registration other = REGISTRATION.as("other");
        Map<Long, Long> keptBySetAside = new HashMap<>();
        db.select(kept.ID, kept.STATUS, kept.WAITLIST_POSITION, other.ID, other.STATUS, other.WAITLIST_POSITION)
                .from(other)
                .join(kept).on(kept.EVENT_ID.eq(other.EVENT_ID)).and(kept.MEMBER_ID.eq(into))
                .where(other.MEMBER_ID.eq(from))
                .orderBy(other.ID)
                .forEach(pair -> {
                    long keptId = pair.value1();
                    long otherId = pair.value4();
                    if (STATUS_RANK.indexOf(pair.value5()) > STATUS_RANK.indexOf(pair.value2())) {
                        db.update(REGISTRATION)
                                .set(REGISTRATION.STATUS, pair.value5())
                                .set(REGISTRATION.WAITLIST_POSITION, pair.value6())
                                .where(REGISTRATION.ID.eq(keptId))
                                .execute();
                        MemberMergeChangeRecord change = changes.add("registration", KEPT_BETTER, keptId);
                        change.setOldStatus(pair.value2());
                        change.setOldPosition(pair.value3());
                        change.setNewStatus(pair.value5());
                    }
                    db.update(REGISTRATION)
                            .set(REGISTRATION.STATUS, CANCELLED)
                            .setNull(REGISTRATION.WAITLIST_POSITION)
                            .where(REGISTRATION.ID.eq(otherId))
                            .execute();
                    MemberMergeChangeRecord change = changes.add("registration", SET_ASIDE, otherId);
                    change.setOldStatus(pair.value5());
                    change.setOldPosition(pair.value6());
                    change.setNewStatus(CANCELLED);
                    keptBySetAside.put(otherId, keptId);
                });
        List<Long> moved = db.select(REGISTRATION.ID)
                .from(REGISTRATION)
                .where(REGISTRATION.MEMBER_ID.eq(from))
                .and(keptBySetAside.isEmpty() ? DSL.noCondition() : REGISTRATION.ID.notIn(keptBySetAside.keySet()))
                .orderBy(REGISTRATION.ID)
                .fetch(REGISTRATION.ID);
        moved.forEach(id -> changes.add("registration", MOVED, id));
        if (!moved.isEmpty()) {
            db.update(REGISTRATION).set(REGISTRATION.MEMBER_ID, into).where(REGISTRATION.ID.in(moved)).execute();
        }
        return keptBySetAside;
    }

    private void attendance(Changes changes, long into, long from, Map<Long, Long> keptRegistrationBySetAside) {
        Attendance own = ATTENDANCE.as("own");
        Set<Long> dropped = new HashSet<>();
        db.selectFrom(ATTENDANCE)
                .where(ATTENDANCE.MEMBER_ID.eq(from))
                .and(DSL.exists(DSL.selectOne().from(own)
                        .where(own.EVENT_ID.eq(ATTENDANCE.EVENT_ID)).and(own.MEMBER_ID.eq(into))))
                .orderBy(ATTENDANCE.ID)
                .forEach(row -> {
                    MemberMergeChangeRecord change = changes.add("attendance", DROPPED, row.getId());
                    change.setEventId(row.getEventId());
                    change.setOldReference(row.getRegistrationId());
                    change.setMethod(row.getMethod());
                    change.setOccurredAt(row.getCheckedInAt());
                    dropped.add(row.getId());
                });
        if (!dropped.isEmpty()) {
            db.deleteFrom(ATTENDANCE).where(ATTENDANCE.ID.in(dropped)).execute();
        }
        db.select(ATTENDANCE.ID, ATTENDANCE.REGISTRATION_ID)
                .from(ATTENDANCE)
                .where(ATTENDANCE.MEMBER_ID.eq(from))
                .orderBy(ATTENDANCE.ID)
                .forEach(row -> {
                    // a check-in follows the person; it points at the registration kept for the event
                    Long keptRegistration = row.value2() == null ? null : keptRegistrationBySetAside.get(row.value2());
                    db.update(ATTENDANCE)
                            .set(ATTENDANCE.MEMBER_ID, into)
                            .set(ATTENDANCE.REGISTRATION_ID, keptRegistration == null ? ATTENDANCE.REGISTRATION_ID
                                    : DSL.val(keptRegistration))
                            .where(ATTENDANCE.ID.eq(row.value1()))
                            .execute();
                    MemberMergeChangeRecord change = changes.add("attendance", MOVED, row.value1());
                    change.setOldReference(keptRegistration == null ? null : row.value2());
                });
    }

    private <R extends Record> void moveById(Changes changes, Table<R> table, TableField<R, Long> id,
            TableField<R, Long> member, long into, long from) {
        List<Long> ids = db.select(id).from(table).where(member.eq(from)).orderBy(id).fetch(id);
        ids.forEach(rowId -> changes.add(table.getName(), MOVED, rowId));
        if (!ids.isEmpty()) {
            db.update(table).set(member, into).where(id.in(ids)).execute();
        }
    }

    private void moveSpeakers(Changes changes, long into, long from) {
        db.select(SESSION_SPEAKER.EVENT_SESSION_ID, SESSION_SPEAKER.EVENT_SESSION_KEY)
                .from(SESSION_SPEAKER)
                .where(SESSION_SPEAKER.MEMBER_ID.eq(from))
                .orderBy(SESSION_SPEAKER.EVENT_SESSION_ID, SESSION_SPEAKER.EVENT_SESSION_KEY)
                .forEach(row -> changes.add("session_speaker", MOVED, row.value1())
                        .setRowKey(String.valueOf(row.value2())));
        db.update(SESSION_SPEAKER).set(SESSION_SPEAKER.MEMBER_ID, into)
                .where(SESSION_SPEAKER.MEMBER_ID.eq(from)).execute();
    }

    private void moveNudges(Changes changes, long into, long from) {
        OutputNudge own = OUTPUT_NUDGE.as("own");
        List<Long> events = db.select(OUTPUT_NUDGE.EVENT_ID)
                .from(OUTPUT_NUDGE)
                .where(OUTPUT_NUDGE.MEMBER_ID.eq(from))
                .andNotExists(DSL.selectOne().from(own)
                        .where(own.EVENT_ID.eq(OUTPUT_NUDGE.EVENT_ID)).and(own.MEMBER_ID.eq(into)))
                .orderBy(OUTPUT_NUDGE.EVENT_ID)
                .fetch(OUTPUT_NUDGE.EVENT_ID);
        events.forEach(event -> changes.add("output_nudge", MOVED, event));
        if (!events.isEmpty()) {
            db.update(OUTPUT_NUDGE).set(OUTPUT_NUDGE.MEMBER_ID, into)
                    .where(OUTPUT_NUDGE.MEMBER_ID.eq(from)).and(OUTPUT_NUDGE.EVENT_ID.in(events)).execute();
        }
    }

    /**
     * Moves each topic the merged member opted out of unless the kept member opted out of it too: either way the kept
     * member is opted out, and a second row would break the key. The change is recorded under the topic.
     */
    private void moveOptOuts(Changes changes, long into, long from) {
        EmailOptOut own = EMAIL_OPT_OUT.as("own");
        List<String> topics = db.select(EMAIL_OPT_OUT.TOPIC)
                .from(EMAIL_OPT_OUT)
                .where(EMAIL_OPT_OUT.MEMBER_ID.eq(from))
                .andNotExists(DSL.selectOne().from(own)
                        .where(own.MEMBER_ID.eq(into)).and(own.TOPIC.eq(EMAIL_OPT_OUT.TOPIC)))
                .orderBy(EMAIL_OPT_OUT.TOPIC)
                .fetch(EMAIL_OPT_OUT.TOPIC);
        topics.forEach(topic -> changes.add("email_opt_out", MOVED, from).setRowKey(topic));
        if (!topics.isEmpty()) {
            db.update(EMAIL_OPT_OUT).set(EMAIL_OPT_OUT.MEMBER_ID, into)
                    .where(EMAIL_OPT_OUT.MEMBER_ID.eq(from)).and(EMAIL_OPT_OUT.TOPIC.in(topics)).execute();
        }
    }

    /**
     * Moves the record of each event announced to the merged member unless it was announced to the kept member too,
     * so that the kept member is not told of it again; recorded under the event, as nudges are.
     */
    private void moveAnnouncements(Changes changes, long into, long from) {
        var own = FOLLOW_ANNOUNCEMENT.as("own");
        List<Long> events = db.select(FOLLOW_ANNOUNCEMENT.EVENT_ID)
                .from(FOLLOW_ANNOUNCEMENT)
                .where(FOLLOW_ANNOUNCEMENT.MEMBER_ID.eq(from))
                .andNotExists(DSL.selectOne().from(own)
                        .where(own.EVENT_ID.eq(FOLLOW_ANNOUNCEMENT.EVENT_ID)).and(own.MEMBER_ID.eq(into)))
                .orderBy(FOLLOW_ANNOUNCEMENT.EVENT_ID)
                .fetch(FOLLOW_ANNOUNCEMENT.EVENT_ID);
        events.forEach(event -> changes.add("follow_announcement", MOVED, event));
        if (!events.isEmpty()) {
            db.update(FOLLOW_ANNOUNCEMENT).set(FOLLOW_ANNOUNCEMENT.MEMBER_ID, into)
                    .where(FOLLOW_ANNOUNCEMENT.MEMBER_ID.eq(from)).and(FOLLOW_ANNOUNCEMENT.EVENT_ID.in(events))
                    .execute();
        }
    }

    private void moveImportedPeople(Changes changes, long into, long from) {
        db.select(HISTORY_IMPORT_PERSON.EVENT_ID, HISTORY_IMPORT_PERSON.ROW_KEY)
                .from(HISTORY_IMPORT_PERSON)
                .where(HISTORY_IMPORT_PERSON.MEMBER_ID.eq(from))
                .orderBy(HISTORY_IMPORT_PERSON.EVENT_ID, HISTORY_IMPORT_PERSON.ROW_KEY)
                .forEach(row -> changes.add("history_import_person", MOVED, row.value1()).setRowKey(row.value2()));
        db.update(HISTORY_IMPORT_PERSON).set(HISTORY_IMPORT_PERSON.MEMBER_ID, into)
                .where(HISTORY_IMPORT_PERSON.MEMBER_ID.eq(from)).execute();
    }

    /** The changes of one merge, numbered in the order they were made and written in multi-row inserts. */
    private final class Changes {

        private static final int CHUNK = 500;

        private final long mergeId;
        private final List<MemberMergeChangeRecord> pending = new ArrayList<>();
        private int count;

        Changes(long mergeId) {
            this.mergeId = mergeId;
        }

        MemberMergeChangeRecord add(String table, String action, long rowId) {
            MemberMergeChangeRecord change = db.newRecord(MEMBER_MERGE_CHANGE);
            change.setMergeId(mergeId);
            change.setSeq(++count);
            change.setTableName(table);
            change.setAction(action);
            change.setRowId(rowId);
            pending.add(change);
            return change;
        }

        void flush() {
            for (int from = 0; from < pending.size(); from += CHUNK) {
                db.batchInsert(pending.subList(from, Math.min(pending.size(), from + CHUNK))).execute();
            }
            pending.clear();
        }

        int count() {
            return count;
        }
    }
}
