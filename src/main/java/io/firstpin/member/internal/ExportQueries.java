package io.firstpin.member.internal;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static io.firstpin.platform.db.Tables.ATTENDANCE_UNDO;
import static io.firstpin.platform.db.Tables.COMMUNITY;
import static io.firstpin.platform.db.Tables.COMMUNITY_FOLLOW;
import static io.firstpin.platform.db.Tables.EMAIL_OPT_OUT;
import static io.firstpin.platform.db.Tables.FOLLOW_ANNOUNCEMENT;
import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.EVENT_SESSION;
import static io.firstpin.platform.db.Tables.FRAME;
import static io.firstpin.platform.db.Tables.HISTORY_IMPORT_PERSON;
import static io.firstpin.platform.db.Tables.LEADER_ROLE;
import static io.firstpin.platform.db.Tables.MEMBER_AUDIENCE;
import static io.firstpin.platform.db.Tables.MEMBER_FEED;
import static io.firstpin.platform.db.Tables.MEMBER_IDENTITY;
import static io.firstpin.platform.db.Tables.MEMBER_PASSKEY;
import static io.firstpin.platform.db.Tables.MEMBER_PASSKEY_USER;
import static io.firstpin.platform.db.Tables.NOTIFICATION_OUTBOX;
import static io.firstpin.platform.db.Tables.OUTPUT;
import static io.firstpin.platform.db.Tables.OUTPUT_LINK;
import static io.firstpin.platform.db.Tables.OUTPUT_NUDGE;
import static io.firstpin.platform.db.Tables.REGISTRATION;
import static io.firstpin.platform.db.Tables.REGISTRATION_ANSWER;
import static io.firstpin.platform.db.Tables.REGISTRATION_QUESTION;
import static io.firstpin.platform.db.Tables.SEGMENT_MESSAGE;
import static io.firstpin.platform.db.Tables.SEGMENT_MESSAGE_RECIPIENT;
import static io.firstpin.platform.db.Tables.SESSION_SPEAKER;
import static io.firstpin.platform.db.Tables.SURVEY_ANSWER;
import static io.firstpin.platform.db.Tables.SURVEY_QUESTION;
import static io.firstpin.platform.db.Tables.SURVEY_RESPONSE;

import io.firstpin.member.MemberExport;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Reads what the organization holds about a set of members (a member and those merged into it) from every table that
 * points at a member, with jOOQ, the way the merge and erasure ledgers write them. {@link #memberColumns()} lists the
 * columns it reads, which a test holds against the schema.
 */
@Component
public class ExportQueries {

    private final DSLContext db;

    ExportQueries(DSLContext db) {
        this.db = db;
    }

    /** Every column pointing at a member whose rows an export shows. */
    public static List<TableField<?, Long>> memberColumns() {
        return List.of(MEMBER_IDENTITY.MEMBER_ID, REGISTRATION.MEMBER_ID, ATTENDANCE.MEMBER_ID,
                ATTENDANCE_UNDO.MEMBER_ID, SESSION_SPEAKER.MEMBER_ID, OUTPUT.AUTHOR_MEMBER_ID, MEMBER_FEED.MEMBER_ID,
                OUTPUT_NUDGE.MEMBER_ID, HISTORY_IMPORT_PERSON.MEMBER_ID, SURVEY_RESPONSE.MEMBER_ID,
                LEADER_ROLE.MEMBER_ID, MEMBER_AUDIENCE.MEMBER_ID, SEGMENT_MESSAGE_RECIPIENT.MEMBER_ID,
                EMAIL_OPT_OUT.MEMBER_ID, COMMUNITY_FOLLOW.MEMBER_ID, FOLLOW_ANNOUNCEMENT.MEMBER_ID,
                MEMBER_PASSKEY_USER.MEMBER_ID);
    }

    /** The passkeys' names and dates; their keys are no one's to read. */
    public List<MemberExport.Passkey> passkeys(Collection<Long> people) {
        return db.select(MEMBER_PASSKEY.LABEL, MEMBER_PASSKEY.CREATED_AT, MEMBER_PASSKEY.LAST_USED_AT)
                .from(MEMBER_PASSKEY).join(MEMBER_PASSKEY_USER)
                .on(MEMBER_PASSKEY_USER.ID.eq(MEMBER_PASSKEY.PASSKEY_USER_ID))
                .where(MEMBER_PASSKEY_USER.MEMBER_ID.in(people))
                .orderBy(MEMBER_PASSKEY.CREATED_AT, MEMBER_PASSKEY.CREDENTIAL_ID)
                .fetch(r -> new MemberExport.Passkey(r.value1(), at(r.value2()), at(r.value3())));
    }

    public List<MemberExport.Announcement> announcements(Collection<Long> people) {
        return db.select(EVENT.ID, EVENT.TITLE, COMMUNITY.NAME, FOLLOW_ANNOUNCEMENT.SENT_AT).from(FOLLOW_ANNOUNCEMENT)
                .join(EVENT).on(EVENT.ID.eq(FOLLOW_ANNOUNCEMENT.EVENT_ID))
                .join(COMMUNITY).on(COMMUNITY.ID.eq(EVENT.COMMUNITY_ID))
                .where(FOLLOW_ANNOUNCEMENT.MEMBER_ID.in(people))
                .orderBy(FOLLOW_ANNOUNCEMENT.SENT_AT, EVENT.ID)
                .fetch(r -> new MemberExport.Announcement(r.value1(), r.value2(), r.value3(), at(r.value4())));
    }

    public List<MemberExport.Follow> follows(Collection<Long> people) {
        return db.select(COMMUNITY.NAME, COMMUNITY_FOLLOW.FOLLOWED_AT, COMMUNITY_FOLLOW.UNFOLLOWED_AT)
                .from(COMMUNITY_FOLLOW).join(COMMUNITY).on(COMMUNITY.ID.eq(COMMUNITY_FOLLOW.COMMUNITY_ID))
                .where(COMMUNITY_FOLLOW.MEMBER_ID.in(people)).orderBy(COMMUNITY_FOLLOW.FOLLOWED_AT)
                .fetch(r -> new MemberExport.Follow(r.value1(), at(r.value2()), at(r.value3())));
    }

    public List<MemberExport.Identity> identities(Collection<Long> people) {
        return db.select(MEMBER_IDENTITY.KIND, MEMBER_IDENTITY.IDENTITY_VALUE).from(MEMBER_IDENTITY)
                .where(MEMBER_IDENTITY.MEMBER_ID.in(people)).orderBy(MEMBER_IDENTITY.KIND, MEMBER_IDENTITY.ID)
                .fetch(r -> new MemberExport.Identity(r.value1().toLowerCase(Locale.ROOT), r.value2()));
    }

    public List<MemberExport.Registration> registrations(Collection<Long> people) {
        Map<Long, List<MemberExport.Answer>> answers = db
                .select(REGISTRATION_ANSWER.REGISTRATION_ID, REGISTRATION_QUESTION.LABEL, REGISTRATION_ANSWER.ANSWER)
                .from(REGISTRATION_ANSWER)
                .join(REGISTRATION_QUESTION).on(REGISTRATION_QUESTION.ID.eq(REGISTRATION_ANSWER.QUESTION_ID))
                .join(REGISTRATION).on(REGISTRATION.ID.eq(REGISTRATION_ANSWER.REGISTRATION_ID))
                .where(REGISTRATION.MEMBER_ID.in(people))
                .orderBy(REGISTRATION_QUESTION.POSITION)
                .fetchGroups(r -> r.value1(), r -> new MemberExport.Answer(r.value2(), r.value3()));
        return db.select(REGISTRATION.ID, EVENT.ID, EVENT.TITLE, EVENT.STARTS_AT, COMMUNITY.NAME, FRAME.NAME,
                        REGISTRATION.STATUS, REGISTRATION.WAITLIST_POSITION, REGISTRATION.NAME, REGISTRATION.EMAIL,
                        REGISTRATION.REGISTERED_AT, REGISTRATION.CANCELLED_AT)
                .from(REGISTRATION)
                .join(EVENT).on(EVENT.ID.eq(REGISTRATION.EVENT_ID))
                .join(COMMUNITY).on(COMMUNITY.ID.eq(EVENT.COMMUNITY_ID))
                .join(FRAME).on(FRAME.ID.eq(REGISTRATION.FRAME_ID))
                .where(REGISTRATION.MEMBER_ID.in(people))
                .orderBy(EVENT.STARTS_AT, REGISTRATION.ID)
                .fetch(r -> new MemberExport.Registration(r.value1(), r.value2(), r.value3(), at(r.value4()),
                        r.value5(), r.value6(), r.value7().toLowerCase(Locale.ROOT), r.value8(), r.value9(),
                        r.value10(), at(r.value11()), at(r.value12()), answers.getOrDefault(r.value1(), List.of())));
    }

    public List<MemberExport.CheckIn> attendance(Collection<Long> people) {
        return db.select(EVENT.ID, EVENT.TITLE, ATTENDANCE.METHOD, ATTENDANCE.CHECKED_IN_AT)
                .from(ATTENDANCE).join(EVENT).on(EVENT.ID.eq(ATTENDANCE.EVENT_ID))
                .where(ATTENDANCE.MEMBER_ID.in(people)).orderBy(EVENT.STARTS_AT, EVENT.ID)
                .fetch(r -> new MemberExport.CheckIn(r.value1(), r.value2(), r.value3().toLowerCase(Locale.ROOT),
                        at(r.value4())));
    }

    public List<MemberExport.UndoneCheckIn> undoneCheckIns(Collection<Long> people) {
        return db.select(EVENT.ID, EVENT.TITLE, ATTENDANCE_UNDO.CHECKED_IN_AT, ATTENDANCE_UNDO.UNDONE_AT)
                .from(ATTENDANCE_UNDO).join(EVENT).on(EVENT.ID.eq(ATTENDANCE_UNDO.EVENT_ID))
                .where(ATTENDANCE_UNDO.MEMBER_ID.in(people)).orderBy(ATTENDANCE_UNDO.UNDONE_AT)
                .fetch(r -> new MemberExport.UndoneCheckIn(r.value1(), r.value2(), at(r.value3()), at(r.value4())));
    }

    public List<MemberExport.Talk> talks(Collection<Long> people) {
        return db.select(EVENT.ID, EVENT.TITLE, EVENT_SESSION.KIND, EVENT_SESSION.TITLE)
                .from(SESSION_SPEAKER)
                .join(EVENT_SESSION).on(EVENT_SESSION.ID.eq(SESSION_SPEAKER.EVENT_SESSION_ID))
                .join(EVENT).on(EVENT.ID.eq(EVENT_SESSION.EVENT_ID))
                .where(SESSION_SPEAKER.MEMBER_ID.in(people)).orderBy(EVENT.STARTS_AT, EVENT_SESSION.ID)
                .fetch(r -> new MemberExport.Talk(r.value1(), r.value2(), r.value3().toLowerCase(Locale.ROOT),
                        r.value4()));
    }

    public List<MemberExport.Output> outputs(Collection<Long> people) {
        Map<Long, List<Long>> events = db.select(OUTPUT_LINK.OUTPUT_ID, OUTPUT_LINK.EVENT_ID).from(OUTPUT_LINK)
                .join(OUTPUT).on(OUTPUT.ID.eq(OUTPUT_LINK.OUTPUT_ID))
                .where(OUTPUT.AUTHOR_MEMBER_ID.in(people)).and(OUTPUT_LINK.UNLINKED_AT.isNull())
                .orderBy(OUTPUT_LINK.EVENT_ID)
                .fetchGroups(r -> r.value1(), r -> r.value2());
        return db.select(OUTPUT.ID, OUTPUT.URL, OUTPUT.KIND, OUTPUT.TITLE, OUTPUT.PUBLISHED_AT).from(OUTPUT)
                .where(OUTPUT.AUTHOR_MEMBER_ID.in(people)).orderBy(OUTPUT.ID)
                .fetch(r -> new MemberExport.Output(r.value1(), r.value2(), r.value3().toLowerCase(Locale.ROOT),
                        r.value4(), at(r.value5()), events.getOrDefault(r.value1(), List.of())));
    }

    public List<MemberExport.Feed> feeds(Collection<Long> people) {
        return db.select(MEMBER_FEED.URL, MEMBER_FEED.CREATED_AT).from(MEMBER_FEED)
                .where(MEMBER_FEED.MEMBER_ID.in(people)).orderBy(MEMBER_FEED.ID)
                .fetch(r -> new MemberExport.Feed(r.value1(), at(r.value2())));
    }

    public List<MemberExport.SurveyResponse> surveyResponses(Collection<Long> people) {
        Map<Long, List<MemberExport.Answer>> answers = db
                .select(SURVEY_ANSWER.RESPONSE_ID, SURVEY_QUESTION.WORDING, SURVEY_ANSWER.ANSWER)
                .from(SURVEY_ANSWER)
                .join(SURVEY_QUESTION).on(SURVEY_QUESTION.ID.eq(SURVEY_ANSWER.QUESTION_ID))
                .join(SURVEY_RESPONSE).on(SURVEY_RESPONSE.ID.eq(SURVEY_ANSWER.RESPONSE_ID))
                .where(SURVEY_RESPONSE.MEMBER_ID.in(people))
                .orderBy(SURVEY_QUESTION.DISPLAY_ORDER)
                .fetchGroups(r -> r.value1(), r -> new MemberExport.Answer(r.value2(), r.value3()));
        return db.select(SURVEY_RESPONSE.asterisk(), EVENT.TITLE).from(SURVEY_RESPONSE)
                .join(EVENT).on(EVENT.ID.eq(SURVEY_RESPONSE.EVENT_ID))
                .where(SURVEY_RESPONSE.MEMBER_ID.in(people)).orderBy(EVENT.STARTS_AT, SURVEY_RESPONSE.ID)
                .fetch(r -> new MemberExport.SurveyResponse(r.get(SURVEY_RESPONSE.EVENT_ID), r.get(EVENT.TITLE),
                        r.get(SURVEY_RESPONSE.NPS), r.get(SURVEY_RESPONSE.CES), r.get(SURVEY_RESPONSE.HEAT),
                        r.get(SURVEY_RESPONSE.BEST), r.get(SURVEY_RESPONSE.COMMENT),
                        r.get(SURVEY_RESPONSE.WANTS_TO_SPEAK), r.get(SURVEY_RESPONSE.TALK_TOPIC),
                        r.get(SURVEY_RESPONSE.WANTS_TO_ORGANISE), r.get(SURVEY_RESPONSE.ANONYMOUS),
                        at(r.get(SURVEY_RESPONSE.ANSWERED_AT)),
                        answers.getOrDefault(r.get(SURVEY_RESPONSE.ID), List.of())));
    }

    public List<MemberExport.LeaderRole> leaderRoles(Collection<Long> people) {
        return db.select(COMMUNITY.NAME, LEADER_ROLE.STARTED_ON, LEADER_ROLE.ENDED_ON).from(LEADER_ROLE)
                .join(COMMUNITY).on(COMMUNITY.ID.eq(LEADER_ROLE.COMMUNITY_ID))
                .where(LEADER_ROLE.MEMBER_ID.in(people)).orderBy(LEADER_ROLE.STARTED_ON, LEADER_ROLE.ID)
                .fetch(r -> new MemberExport.LeaderRole(r.value1(), r.value2(), r.value3()));
    }

    public List<MemberExport.Audience> reach(Collection<Long> people) {
        return db.select(MEMBER_AUDIENCE.CHANNEL, MEMBER_AUDIENCE.AUDIENCE_SIZE, MEMBER_AUDIENCE.AS_OF,
                        MEMBER_AUDIENCE.SOURCE)
                .from(MEMBER_AUDIENCE).where(MEMBER_AUDIENCE.MEMBER_ID.in(people))
                .orderBy(MEMBER_AUDIENCE.AS_OF, MEMBER_AUDIENCE.ID)
                .fetch(r -> new MemberExport.Audience(r.value1().toLowerCase(Locale.ROOT), r.value2(), r.value3(),
                        r.value4().toLowerCase(Locale.ROOT)));
    }

    public List<String> optOuts(Collection<Long> people) {
        return db.selectDistinct(EMAIL_OPT_OUT.TOPIC).from(EMAIL_OPT_OUT).where(EMAIL_OPT_OUT.MEMBER_ID.in(people))
                .orderBy(EMAIL_OPT_OUT.TOPIC).fetch(EMAIL_OPT_OUT.TOPIC);
    }

    /** The organization's email to any of the addresses (lower-cased), oldest first. */
    public List<MemberExport.Email> emails(long organizationId, Collection<String> addresses) {
        return db.select(NOTIFICATION_OUTBOX.RECIPIENT, NOTIFICATION_OUTBOX.SUBJECT, NOTIFICATION_OUTBOX.STATUS,
                        NOTIFICATION_OUTBOX.CREATED_AT, NOTIFICATION_OUTBOX.SENT_AT)
                .from(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.ORGANIZATION_ID.eq(organizationId))
                .and(DSL.lower(NOTIFICATION_OUTBOX.RECIPIENT).in(addresses))
                .orderBy(NOTIFICATION_OUTBOX.CREATED_AT, NOTIFICATION_OUTBOX.ID)
                .fetch(r -> new MemberExport.Email(r.value1(), r.value2(), r.value3().toLowerCase(Locale.ROOT),
                        at(r.value4()), at(r.value5())));
    }

    public List<MemberExport.Nudge> nudges(Collection<Long> people) {
        return db.select(EVENT.ID, EVENT.TITLE, OUTPUT_NUDGE.SENT_AT).from(OUTPUT_NUDGE)
                .join(EVENT).on(EVENT.ID.eq(OUTPUT_NUDGE.EVENT_ID))
                .where(OUTPUT_NUDGE.MEMBER_ID.in(people)).orderBy(OUTPUT_NUDGE.SENT_AT)
                .fetch(r -> new MemberExport.Nudge(r.value1(), r.value2(), at(r.value3())));
    }

    public List<MemberExport.SegmentEmail> segmentEmails(Collection<Long> people) {
        return db.select(SEGMENT_MESSAGE.SUBJECT, SEGMENT_MESSAGE.SENT_AT).from(SEGMENT_MESSAGE_RECIPIENT)
                .join(SEGMENT_MESSAGE).on(SEGMENT_MESSAGE.ID.eq(SEGMENT_MESSAGE_RECIPIENT.SEGMENT_MESSAGE_ID))
                .where(SEGMENT_MESSAGE_RECIPIENT.MEMBER_ID.in(people)).orderBy(SEGMENT_MESSAGE.SENT_AT)
                .fetch(r -> new MemberExport.SegmentEmail(r.value1(), at(r.value2())));
    }

    public List<MemberExport.ImportedPerson> importedAs(Collection<Long> people) {
        return db.select(EVENT.ID, EVENT.TITLE, HISTORY_IMPORT_PERSON.ROW_KEY).from(HISTORY_IMPORT_PERSON)
                .join(EVENT).on(EVENT.ID.eq(HISTORY_IMPORT_PERSON.EVENT_ID))
                .where(HISTORY_IMPORT_PERSON.MEMBER_ID.in(people)).orderBy(EVENT.STARTS_AT)
                .fetch(r -> new MemberExport.ImportedPerson(r.value1(), r.value2(), r.value3()));
    }

    private static Instant at(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
