package io.firstpin.history;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static io.firstpin.platform.db.Tables.FRAME;
import static io.firstpin.platform.db.Tables.HISTORY_IMPORT;
import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.MEMBER_IDENTITY;
import static io.firstpin.platform.db.Tables.REGISTRATION;
import static io.firstpin.platform.db.Tables.REGISTRATION_ANSWER;
import static io.firstpin.platform.db.Tables.REGISTRATION_QUESTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.member.IdentityInput;
import io.firstpin.member.IdentityKind;
import io.firstpin.member.Member;
import io.firstpin.member.Members;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Importing exports into a past event through the service, on H2 and PostgreSQL. */
@DatabaseTest
@SpringBootTest
class HistoryImportsTests {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final List<Table<? extends Record>> WRITTEN = List.of(MEMBER, MEMBER_IDENTITY, FRAME, REGISTRATION,
            REGISTRATION_QUESTION, REGISTRATION_ANSWER, ATTENDANCE, HISTORY_IMPORT);

    @Autowired
    HistoryImports imports;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    Members members;
    @Autowired
    DSLContext db;

    Organization organization;
    Event studySession;

    @BeforeEach
    void aStudySessionLastMayWithAGeneralFrame() {
        organization = organization();
        studySession = pastEvent(organization, List.of(FramePlan.general("一般枠")));
    }

    @Test
    void aConnpassExportBecomesRegistrationsCheckInsAndAnswers() {
        ImportSummary summary = importConnpass(ExportFiles.connpassStudySession());

        assertThat(summary).isEqualTo(new ImportSummary(8, 8, 3, 8, 0, "UTF-8 (BOM)"));
        assertThat(db.select(MEMBER.DISPLAY_NAME, REGISTRATION.STATUS, REGISTRATION.WAITLIST_POSITION, FRAME.NAME)
                .from(REGISTRATION)
                .join(MEMBER).on(MEMBER.ID.eq(REGISTRATION.MEMBER_ID))
                .join(FRAME).on(FRAME.ID.eq(REGISTRATION.FRAME_ID))
                .where(REGISTRATION.EVENT_ID.eq(studySession.id()))
                .orderBy(REGISTRATION.ID)
                .fetch(r -> tuple(r.value1(), r.value2(), r.value3(), r.value4())))
                .containsExactly(
                        tuple("博多 花子", "CONFIRMED", null, "一般枠"),
                        tuple("山田 太郎", "CONFIRMED", null, "一般枠"),
                        tuple("佐藤 次郎", "CONFIRMED", null, "LT枠"),
                        tuple("(退会ユーザー)", "CONFIRMED", null, "一般枠"),
                        tuple("(退会ユーザー)", "CANCELLED", null, "一般枠"),
                        tuple("補欠 一郎", "WAITLISTED", 1, "一般枠"),
                        tuple("補欠 二郎", "WAITLISTED", 2, "一般枠"),
                        tuple("取消 健", "CANCELLED", null, "一般枠"));
    }

    @Test
    void checkInsKeepTheirTimeInTheEventsTimeZoneAndPeopleWhoNeverCameHaveNone() {
        importConnpass(ExportFiles.connpassStudySession());

        assertThat(db.select(MEMBER.DISPLAY_NAME, ATTENDANCE.METHOD, ATTENDANCE.CHECKED_IN_AT)
                .from(ATTENDANCE)
                .join(MEMBER).on(MEMBER.ID.eq(ATTENDANCE.MEMBER_ID))
                .where(ATTENDANCE.EVENT_ID.eq(studySession.id()))
                .orderBy(ATTENDANCE.CHECKED_IN_AT)
                .fetch(r -> tuple(r.value1(), r.value2(), r.value3().toInstant())))
                .containsExactly(
                        tuple("博多 花子", "IMPORT", OffsetDateTime.parse("2024-05-10T19:02:11+09:00").toInstant()),
                        tuple("佐藤 次郎", "IMPORT", OffsetDateTime.parse("2024-05-10T19:15:00+09:00").toInstant()),
                        tuple("(退会ユーザー)", "IMPORT", OffsetDateTime.parse("2024-05-10T19:20:00+09:00").toInstant()));
    }

    @Test
    void questionnaireColumnsBecomeQuestionsAndMultiLineAnswersStayWhole() {
        importConnpass(ExportFiles.connpassStudySession());

        assertThat(db.select(REGISTRATION_QUESTION.LABEL, REGISTRATION_QUESTION.KIND)
                .from(REGISTRATION_QUESTION)
                .where(REGISTRATION_QUESTION.EVENT_ID.eq(studySession.id()))
                .orderBy(REGISTRATION_QUESTION.POSITION)
                .fetch(r -> tuple(r.value1(), r.value2())))
                .containsExactly(tuple("懇親会に参加しますか？", "TEXT"), tuple("LT で話したいこと", "TEXT"));
        assertThat(db.select(REGISTRATION_ANSWER.ANSWER)
                .from(REGISTRATION_ANSWER)
                .join(REGISTRATION).on(REGISTRATION.ID.eq(REGISTRATION_ANSWER.REGISTRATION_ID))
                .join(REGISTRATION_QUESTION).on(REGISTRATION_QUESTION.ID.eq(REGISTRATION_ANSWER.QUESTION_ID))
                .where(REGISTRATION.EVENT_ID.eq(studySession.id()))
                .and(REGISTRATION_QUESTION.LABEL.eq("LT で話したいこと"))
                .orderBy(REGISTRATION.ID)
                .fetch(REGISTRATION_ANSWER.ANSWER))
                .containsExactly("Lambda の\nコールドスタート対策, 実測つき", "CDK で\nマルチアカウント\n運用");
    }

    @Test
    void connpassUsersAreMatchedByUserNameAndWithdrawnUsersNeverAre() {
        Member hanako = members.register(organization.id(), "Hanako", List.of(IdentityInput.connpass("Hanako_H")));
        Member withdrawnLookalike = members.register(organization.id(), "(退会ユーザー)", List.of());

        ImportSummary summary = importConnpass(ExportFiles.connpassStudySession());

        assertThat(summary.membersMatched()).isEqualTo(1);
        assertThat(summary.membersCreated()).isEqualTo(7);
        List<Long> registered = db.select(REGISTRATION.MEMBER_ID).from(REGISTRATION)
                .where(REGISTRATION.EVENT_ID.eq(studySession.id())).fetch(REGISTRATION.MEMBER_ID);
        assertThat(registered).contains(hanako.id()).doesNotContain(withdrawnLookalike.id());
        assertThat(members.findByIdentity(organization.id(), "taro_y")).extracting(Member::displayName)
                .containsExactly("山田 太郎");
    }

    @Test
    void importingTheSameFileAgainChangesNothingAndAnswersTheSameCounts() {
        ImportSummary first = importConnpass(ExportFiles.connpassStudySession());
        Map<String, Integer> before = rowCounts();

        ImportSummary again = importConnpass(ExportFiles.connpassStudySession());

        assertThat(again).isEqualTo(first);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aLaterExportOfTheEventAddsOnlyWhatIsNewAndFindsWithdrawnUsersAgain() {
        importConnpass(ExportFiles.connpassStudySession());
        Map<String, Integer> before = rowCounts();

        ImportSummary later = importConnpass(ExportFiles.connpassStudySessionWithLateRegistration());

        assertThat(later).isEqualTo(new ImportSummary(9, 9, 3, 1, 8, "UTF-8 (BOM)"));
        assertThat(rowCounts().get("member")).isEqualTo(before.get("member") + 1);
        assertThat(rowCounts().get("registration")).isEqualTo(before.get("registration") + 1);
        assertThat(rowCounts().get("attendance")).isEqualTo(before.get("attendance"));
        assertThat(db.select(REGISTRATION.WAITLIST_POSITION).from(REGISTRATION)
                .where(REGISTRATION.EVENT_ID.eq(studySession.id()))
                .and(REGISTRATION.STATUS.eq("WAITLISTED"))
                .orderBy(REGISTRATION.WAITLIST_POSITION)
                .fetch(REGISTRATION.WAITLIST_POSITION)).containsExactly(1, 2, 3);
    }

    @Test
    void aBrokenFileWritesNothingAtAll() {
        Map<String, Integer> before = rowCounts();

        for (byte[] broken : List.of(ExportFiles.connpassWithBrokenCells(),
                ExportFiles.connpassWithoutUserNameAndStatus(), ExportFiles.connpassWithUnclosedQuote(),
                ExportFiles.spreadsheetInsteadOfCsv(), new byte[0])) {
            assertThatThrownBy(() -> importConnpass(broken)).isInstanceOf(ImportRejected.class);
        }

        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aFrameThatWouldHoldMoreConfirmedThanItsSeatsRefusesTheWholeFile() {
        Event small = pastEvent(organization, List.of(new FramePlan(null, "一般枠", 2, FrameMode.FIFO, null)));
        Map<String, Integer> before = rowCounts();

        assertThatThrownBy(() -> imports.importFile(organization.id(), small.id(), ImportFormat.CONNPASS,
                "event_1_participants.csv", ExportFiles.connpassStudySession()))
                .isInstanceOfSatisfying(ImportRejected.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::code, ImportProblem::args)
                        .containsExactly(tuple("registration.import.over-capacity", List.of("一般枠", 2, 3))));
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aFrameThatHadPeopleWaitingIsOpenedAsFullSoNobodyOfThePastIsPromoted() {
        Event bare = pastEvent(organization, List.of(FramePlan.general("LT枠")));

        imports.importFile(organization.id(), bare.id(), ImportFormat.CONNPASS, "x.csv",
                ExportFiles.connpassStudySession());

        assertThat(db.select(FRAME.NAME, FRAME.CAPACITY).from(FRAME).where(FRAME.EVENT_ID.eq(bare.id()))
                .orderBy(FRAME.DISPLAY_ORDER).fetch(r -> tuple(r.value1(), r.value2())))
                .containsExactly(tuple("LT枠", null), tuple("一般枠", 3));
    }

    @Test
    void doorkeeperAndMeetupExportsAreImportedToo() {
        Event meetup = pastEvent(organization, List.of(FramePlan.general("General")));

        ImportSummary doorkeeper = imports.importFile(organization.id(), studySession.id(), ImportFormat.DOORKEEPER,
                "attendees.csv", ExportFiles.doorkeeperAttendees());
        ImportSummary rsvps = imports.importFile(organization.id(), meetup.id(), ImportFormat.MEETUP,
                "attendees.csv", ExportFiles.meetupAttendees());

        assertThat(doorkeeper).isEqualTo(new ImportSummary(3, 3, 1, 3, 0, "UTF-8"));
        assertThat(rsvps).isEqualTo(new ImportSummary(4, 4, 1, 4, 0, "UTF-8"));
        assertThat(members.findByIdentity(organization.id(), "ichiro@example.com")).hasSize(1);
        assertThat(db.select(REGISTRATION.EMAIL).from(REGISTRATION)
                .where(REGISTRATION.EVENT_ID.eq(studySession.id())).orderBy(REGISTRATION.ID).fetch(REGISTRATION.EMAIL))
                .containsExactly("ichiro@example.com", "hanako.tanaka@example.com", "saburo@example.com");
    }

    @Test
    void meetupMembersAreKnownByTheirMeetupIdAcrossEventsAndPossibleDuplicatesAreCounted() {
        Event first = pastEvent(organization, List.of(FramePlan.general("General")));
        Event second = pastEvent(organization, List.of(FramePlan.general("General")));
        // she held a seat at an earlier event of the community where nobody was checked in: she attended it
        Event earlier = pastEventOf(communities.findById(first.communityId()).orElseThrow(),
                List.of(FramePlan.general("General")));
        long knownByEmail = members.register(organization.id(), "ALICE  SMITH",
                List.of(IdentityInput.email("alice@example.com"))).id();
        db.insertInto(REGISTRATION)
                .set(REGISTRATION.ORGANIZATION_ID, organization.id())
                .set(REGISTRATION.EVENT_ID, earlier.id())
                .set(REGISTRATION.FRAME_ID, events.frames(earlier.id()).get(0).id())
                .set(REGISTRATION.MEMBER_ID, knownByEmail)
                .set(REGISTRATION.NAME, "ALICE SMITH")
                .set(REGISTRATION.STATUS, "CONFIRMED")
                .set(REGISTRATION.REGISTERED_AT, OffsetDateTime.parse("2024-05-01T10:00:00+09:00"))
                .execute();

        ImportSummary once = imports.importFile(organization.id(), first.id(), ImportFormat.MEETUP, "attendees.csv",
                ExportFiles.meetupAttendees());
        ImportSummary again = imports.importFile(organization.id(), second.id(), ImportFormat.MEETUP,
                "attendees.csv", ExportFiles.meetupAttendees());

        assertThat(once).isEqualTo(new ImportSummary(4, 4, 1, 4, 0, "UTF-8", 1));
        assertThat(again).isEqualTo(new ImportSummary(4, 4, 1, 0, 4, "UTF-8", 1));
        assertThat(members.findByIdentity(organization.id(), IdentityKind.MEETUP, "201")).map(Member::displayName)
                .contains("Alice Smith");
    }

    @Test
    void theOriginalFileIsKept() {
        importConnpass(ExportFiles.connpassSavedByExcel());

        org.assertj.core.groups.Tuple kept = db.select(HISTORY_IMPORT.FILE_NAME, HISTORY_IMPORT.ENCODING,
                        HISTORY_IMPORT.CONTENT)
                .from(HISTORY_IMPORT).where(HISTORY_IMPORT.EVENT_ID.eq(studySession.id()))
                .fetchOne(r -> tuple(r.value1(), r.value2(), r.value3().length));
        assertThat((Object) kept).isEqualTo(tuple("event_1_participants.csv", "Shift_JIS (CP932)",
                        ExportFiles.connpassSavedByExcel().length));
    }

    @Test
    void anotherOrganizationsEventIsNotFound() {
        Organization other = organization();

        assertThatThrownBy(() -> imports.importFile(other.id(), studySession.id(), ImportFormat.CONNPASS, "x.csv",
                ExportFiles.connpassStudySession())).isInstanceOf(NotFoundException.class);
    }

    private ImportSummary importConnpass(byte[] content) {
        return imports.importFile(organization.id(), studySession.id(), ImportFormat.CONNPASS,
                "event_1_participants.csv", content);
    }

    private Map<String, Integer> rowCounts() {
        return WRITTEN.stream().collect(java.util.stream.Collectors.toMap(Table::getName, db::fetchCount));
    }

    private Organization organization() {
        return organizations.found(new Slug("history-" + NEXT.incrementAndGet() + "-" + System.nanoTime()),
                "履歴テスト組織");
    }

    private Event pastEvent(Organization owner, List<FramePlan> frames) {
        return pastEventOf(communities.start(owner.id(),
                new Slug("c-" + NEXT.incrementAndGet() + "-" + System.nanoTime()),
                CommunityProfile.of("JAWS-UG 福岡", null, null, "Asia/Tokyo"), null), frames);
    }

    private Event pastEventOf(Community community, List<FramePlan> frames) {
        Instant startsAt = OffsetDateTime.parse("2024-05-10T19:00:00+09:00").toInstant();
        return events.plan(community, new EventDetails("JAWS-UG 福岡 #42", null, EventKind.STUDY_SESSION, startsAt,
                startsAt.plus(Duration.ofHours(2)), null, true, null, Optional.empty()), List.of(), frames, "一般枠");
    }
}
