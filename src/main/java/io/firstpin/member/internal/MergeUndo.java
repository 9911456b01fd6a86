package io.firstpin.member.internal;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static io.firstpin.platform.db.Tables.ATTENDANCE_UNDO;
import static io.firstpin.platform.db.Tables.COMMUNITY_FOLLOW;
import static io.firstpin.platform.db.Tables.EMAIL_OPT_OUT;
import static io.firstpin.platform.db.Tables.EMAIL_PREFERENCE_LINK;
import static io.firstpin.platform.db.Tables.FOLLOW_ANNOUNCEMENT;
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
import io.firstpin.platform.db.tables.records.MemberMergeChangeRecord;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Replays a merge's recorded changes backwards, each guarded on its row still being as the merge left it, so that an
 * undo is exact or refused whole.
 */
@Component
class MergeUndo {

    private final DSLContext db;

    MergeUndo(DSLContext db) {
        this.db = db;
    }

    /**
     * Puts every change of the merge back, last first.
     *
     * @throws ConflictException when a row the merge changed has changed since (it is gone, or moved on, or has another
     *         status); the caller's transaction then rolls back and nothing is undone
     */
    void undo(long mergeId, long organizationId, long into, long from) {
        List<MemberMergeChangeRecord> changes = db.selectFrom(MEMBER_MERGE_CHANGE)
                .where(MEMBER_MERGE_CHANGE.MERGE_ID.eq(mergeId))
                .orderBy(MEMBER_MERGE_CHANGE.SEQ.desc())
                .fetch();
        for (MemberMergeChangeRecord change : changes) {
            int undone = switch (change.getAction()) {
                case MergeLedger.MOVED -> moveBack(change, organizationId, into, from);
                case MergeLedger.KEPT_BETTER -> db.update(REGISTRATION)
                        .set(REGISTRATION.STATUS, change.getOldStatus())
                        .set(REGISTRATION.WAITLIST_POSITION, change.getOldPosition())
                        .where(REGISTRATION.ID.eq(change.getRowId()))
                        .and(REGISTRATION.MEMBER_ID.eq(into))
                        .and(REGISTRATION.STATUS.eq(change.getNewStatus()))
                        .execute();
                case MergeLedger.SET_ASIDE -> db.update(REGISTRATION)
                        .set(REGISTRATION.STATUS, change.getOldStatus())
                        .set(REGISTRATION.WAITLIST_POSITION, change.getOldPosition())
                        .where(REGISTRATION.ID.eq(change.getRowId()))
                        .and(REGISTRATION.MEMBER_ID.eq(from))
                        .and(REGISTRATION.STATUS.eq(change.getNewStatus()))
                        .execute();
                case MergeLedger.DROPPED -> db.insertInto(ATTENDANCE)
                        .set(ATTENDANCE.ID, change.getRowId())
                        .set(ATTENDANCE.ORGANIZATION_ID, organizationId)
                        .set(ATTENDANCE.EVENT_ID, change.getEventId())
                        .set(ATTENDANCE.MEMBER_ID, from)
                        .set(ATTENDANCE.REGISTRATION_ID, change.getOldReference())
                        .set(ATTENDANCE.METHOD, change.getMethod())
                        .set(ATTENDANCE.CHECKED_IN_AT, change.getOccurredAt())
                        .execute();
                default -> throw new IllegalStateException("unknown merge change " + change.getAction());
            };
            if (undone != 1) {
                throw new ConflictException("merge", "member.merge.undo.changed", change.getTableName());
            }
        }
    }

    private int moveBack(MemberMergeChangeRecord change, long organizationId, long into, long from) {
        long id = change.getRowId();
        String key = change.getRowKey();
        return switch (change.getTableName()) {
            case "member_identity" -> db.update(MEMBER_IDENTITY)
                    .set(MEMBER_IDENTITY.MEMBER_ID, from)
                    .where(MEMBER_IDENTITY.ORGANIZATION_ID.eq(organizationId))
                    .and(MEMBER_IDENTITY.KIND.eq(key.substring(0, key.indexOf(':'))))
                    .and(MEMBER_IDENTITY.NORMALIZED_VALUE.eq(key.substring(key.indexOf(':') + 1)))
                    .and(MEMBER_IDENTITY.MEMBER_ID.eq(into))
                    .execute();
            case "registration" -> moveBackById(REGISTRATION, REGISTRATION.ID, REGISTRATION.MEMBER_ID, id, into, from);
            case "attendance" -> db.update(ATTENDANCE)
                    .set(ATTENDANCE.MEMBER_ID, from)
                    .set(ATTENDANCE.REGISTRATION_ID, change.getOldReference() == null ? ATTENDANCE.REGISTRATION_ID
                            : DSL.val(change.getOldReference()))
                    .where(ATTENDANCE.ID.eq(id))
                    .and(ATTENDANCE.MEMBER_ID.eq(into))
                    .execute();
            case "attendance_undo" -> moveBackById(ATTENDANCE_UNDO, ATTENDANCE_UNDO.ID, ATTENDANCE_UNDO.MEMBER_ID, id,
                    into, from);
            case "output" -> moveBackById(OUTPUT, OUTPUT.ID, OUTPUT.AUTHOR_MEMBER_ID, id, into, from);
            case "member_feed" -> moveBackById(MEMBER_FEED, MEMBER_FEED.ID, MEMBER_FEED.MEMBER_ID, id, into, from);
            case "survey_response" -> moveBackById(SURVEY_RESPONSE, SURVEY_RESPONSE.ID, SURVEY_RESPONSE.MEMBER_ID, id,
                    into, from);
            case "leader_role" -> moveBackById(LEADER_ROLE, LEADER_ROLE.ID, LEADER_ROLE.MEMBER_ID, id, into, from);
            case "member_audience" -> moveBackById(MEMBER_AUDIENCE, MEMBER_AUDIENCE.ID, MEMBER_AUDIENCE.MEMBER_ID, id,
                    into, from);
            case "segment_message_recipient" -> moveBackById(SEGMENT_MESSAGE_RECIPIENT, SEGMENT_MESSAGE_RECIPIENT.ID,
                    SEGMENT_MESSAGE_RECIPIENT.MEMBER_ID, id, into, from);
            case "session_speaker" -> db.update(SESSION_SPEAKER)
                    .set(SESSION_SPEAKER.MEMBER_ID, from)
                    .where(SESSION_SPEAKER.EVENT_SESSION_ID.eq(id))
                    .and(SESSION_SPEAKER.EVENT_SESSION_KEY.eq(Integer.valueOf(key)))
                    .and(SESSION_SPEAKER.MEMBER_ID.eq(into))
                    .execute();
            case "output_nudge" -> db.update(OUTPUT_NUDGE)
                    .set(OUTPUT_NUDGE.MEMBER_ID, from)
                    .where(OUTPUT_NUDGE.EVENT_ID.eq(id))
                    .and(OUTPUT_NUDGE.MEMBER_ID.eq(into))
                    .execute();
            case "email_preference_link" -> moveBackById(EMAIL_PREFERENCE_LINK, EMAIL_PREFERENCE_LINK.ID,
                    EMAIL_PREFERENCE_LINK.MEMBER_ID, id, into, from);
            case "community_follow" -> moveBackById(COMMUNITY_FOLLOW, COMMUNITY_FOLLOW.ID, COMMUNITY_FOLLOW.MEMBER_ID, id,
                    into, from);
            case "email_opt_out" -> db.update(EMAIL_OPT_OUT)
                    .set(EMAIL_OPT_OUT.MEMBER_ID, from)
                    .where(EMAIL_OPT_OUT.MEMBER_ID.eq(into))
                    .and(EMAIL_OPT_OUT.TOPIC.eq(key))
                    .execute();
            case "follow_announcement" -> db.update(FOLLOW_ANNOUNCEMENT)
                    .set(FOLLOW_ANNOUNCEMENT.MEMBER_ID, from)
                    .where(FOLLOW_ANNOUNCEMENT.EVENT_ID.eq(id))
                    .and(FOLLOW_ANNOUNCEMENT.MEMBER_ID.eq(into))
                    .execute();
            case "member_passkey_user" -> moveBackById(MEMBER_PASSKEY_USER, MEMBER_PASSKEY_USER.ID,
                    MEMBER_PASSKEY_USER.MEMBER_ID, id, into, from);
            case "history_import_person" -> db.update(HISTORY_IMPORT_PERSON)
                    .set(HISTORY_IMPORT_PERSON.MEMBER_ID, from)
                    .where(HISTORY_IMPORT_PERSON.EVENT_ID.eq(id))
                    .and(HISTORY_IMPORT_PERSON.ROW_KEY.eq(key))
                    .and(HISTORY_IMPORT_PERSON.MEMBER_ID.eq(into))
                    .execute();
            default -> throw new IllegalStateException("unknown merged table " + change.getTableName());
        };
    }

    private <R extends Record> int moveBackById(Table<R> table, TableField<R, Long> id, TableField<R, Long> member,
            long rowId, long into, long from) {
        return db.update(table).set(member, from).where(id.eq(rowId)).and(member.eq(into)).execute();
    }
}
