package io.firstpin.member;

import static io.firstpin.platform.db.Tables.EMAIL_OPT_OUT;
import static io.firstpin.platform.db.Tables.EMAIL_PREFERENCE_LINK;
import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static io.firstpin.platform.db.Tables.ATTENDANCE_UNDO;
import static io.firstpin.platform.db.Tables.EVENT_SESSION;
import static io.firstpin.platform.db.Tables.HISTORY_IMPORT_PERSON;
import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.MEMBER_FEED;
import static io.firstpin.platform.db.Tables.MEMBER_IDENTITY;
import static io.firstpin.platform.db.Tables.OUTPUT;
import static io.firstpin.platform.db.Tables.OUTPUT_NUDGE;
import static io.firstpin.platform.db.Tables.REGISTRATION;
import static io.firstpin.platform.db.Tables.SEGMENT_MESSAGE;
import static io.firstpin.platform.db.Tables.SEGMENT_MESSAGE_RECIPIENT;
import static io.firstpin.platform.db.Tables.SESSION_SPEAKER;
import static io.firstpin.platform.db.Tables.SURVEY_RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.testing.CommunityHistory.Held;
import io.firstpin.member.internal.MergeLedger;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.test.context.SpringBootTest;

@DatabaseTest
@SpringBootTest
class MemberMergesTests {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2025, 6, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    MemberMerges merges;
    @Autowired
    Members members;
    @Autowired
    MemberSearch search;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;


    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    DSLContext db;

    Organization organization;
    CommunityHistory history;
    long taro;
    long taroAgain;

    @BeforeEach
    void oneOrganizationWhereTaroIsKnownTwice() {
        String slug = "merge-" + System.nanoTime();
        organization = organizations.found(new Slug(slug), "Merge");
        Community community = communities.start(organization.id(), new Slug(slug + "-c"),
                CommunityProfile.of("JAWS-UG 東京", null, null, "Asia/Tokyo"), null);
        history = new CommunityHistory(db, communities, events, community);
        taro = members.register(organization.id(), "山田 太郎", List.of(IdentityInput.connpass("taro_y"))).id();
        taroAgain = members.register(organization.id(), "山田太郎",
                List.of(IdentityInput.email("taro@example.com"), new IdentityInput(IdentityKind.MEETUP, "201"))).id();
    }

    @Test
    void mergingMovesEverythingThatPointsAtTheMergedMember() {
        Held january = history.eventAt("2025-01-15T19:00", "JP-13", "渋谷区").checkedIn(taroAgain);
        Held february = history.eventAt("2025-02-15T19:00", "JP-13", "渋谷区").confirmed(taroAgain);
        everyOtherRowOf(taroAgain, january);

        MemberMerge merge = merges.merge(organization.id(), taro, taroAgain);

        assertThat(merge.intoMemberId()).isEqualTo(taro);
        assertThat(merge.fromMemberId()).isEqualTo(taroAgain);
        assertThat(merge.changes()).isEqualTo(16);
        for (TableField<?, Long> column : MergeLedger.memberColumns()) {
            assertThat(db.fetchCount(column.getTable(), column.eq(taroAgain))).as(column.toString()).isZero();
        }
        assertThat(db.select(REGISTRATION.EVENT_ID).from(REGISTRATION).where(REGISTRATION.MEMBER_ID.eq(taro))
                .fetch(REGISTRATION.EVENT_ID)).containsExactlyInAnyOrder(january.id(), february.id());
        assertThat(members.findByIdentity(organization.id(), "taro@example.com")).extracting(Member::id)
                .containsExactly(taro);
        assertThat(members.findByIdentity(organization.id(), IdentityKind.MEETUP, "201")).map(Member::id)
                .contains(taro);
        assertThat(members.inOrganization(organization.id(), taroAgain).mergedIntoId()).contains(taro);
        assertThat(search.search(organization.id(), "山田", 0, 50).members()).extracting(Member::id)
                .containsExactly(taro);
    }

    @Test
    void bothAtTheSameEventKeepsOneRegistrationAndOneCheckInWithTheBetterStatus() {
        Held both = history.eventAt("2025-01-15T19:00", "JP-13", "渋谷区").checkedIn(taro, taroAgain);
        Held upgraded = history.eventAt("2025-02-15T19:00", "JP-13", "渋谷区").cancelled(taro).confirmed(taroAgain);

        merges.merge(organization.id(), taro, taroAgain);

        assertThat(db.fetchCount(ATTENDANCE, ATTENDANCE.EVENT_ID.eq(both.id()))).isEqualTo(1);
        assertThat(registrations(upgraded)).containsExactlyInAnyOrder(tuple(taro, "CONFIRMED"),
                tuple(taroAgain, "CANCELLED"));
        assertThat(registrations(both)).containsExactlyInAnyOrder(tuple(taro, "CONFIRMED"),
                tuple(taroAgain, "CANCELLED"));
    }

    @Test
    void undoRestoresEveryRowExactly() {
        Held both = history.eventAt("2025-01-15T19:00", "JP-13", "渋谷区").checkedIn(taro, taroAgain);
        Held upgraded = history.eventAt("2025-02-15T19:00", "JP-13", "渋谷区").waitlisted(taro).checkedIn(taroAgain);
        history.eventAt("2025-03-15T19:00", "JP-13", "渋谷区").checkedIn(taroAgain);
        everyOtherRowOf(taroAgain, both);
        db.update(MEMBER).set(MEMBER.STAFF, true).where(MEMBER.ID.eq(taroAgain)).execute();
        Map<String, List<Map<String, Object>>> before = snapshot();

        MemberMerge merge = merges.merge(organization.id(), taro, taroAgain);
        assertThat(members.inOrganization(organization.id(), taro).staff()).isTrue();
        assertThat(registrations(upgraded)).containsExactlyInAnyOrder(tuple(taro, "CONFIRMED"),
                tuple(taroAgain, "CANCELLED"));
        MemberMerge undone = merges.undo(organization.id(), merge.id());

        assertThat(undone.undone()).isTrue();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(search.search(organization.id(), "山田", 0, 50).members()).hasSize(2);
        assertThatThrownBy(() -> merges.undo(organization.id(), merge.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void undoIsRefusedWhenAMovedRowChangedSince() {
        history.eventAt("2025-01-15T19:00", "JP-13", "渋谷区").checkedIn(taroAgain);
        MemberMerge merge = merges.merge(organization.id(), taro, taroAgain);
        db.deleteFrom(ATTENDANCE).where(ATTENDANCE.MEMBER_ID.eq(taro)).execute();

        assertThatThrownBy(() -> merges.undo(organization.id(), merge.id()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("member.merge.undo.changed"));
        assertThat(members.inOrganization(organization.id(), taroAgain).mergedIntoId()).contains(taro);
        assertThat(db.fetchCount(MEMBER_IDENTITY, MEMBER_IDENTITY.MEMBER_ID.eq(taroAgain))).isZero();
    }

    @Test
    void aMergedMemberCannotBeMergedAgainNorEdited() {
        merges.merge(organization.id(), taro, taroAgain);

        assertThatThrownBy(() -> merges.merge(organization.id(), taro, taroAgain))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> merges.merge(organization.id(), taroAgain, taro))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> members.markStaff(organization.id(), taroAgain, true))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void theSameMergeAskedTwiceAtOnceIsDoneOnce() throws Exception {
        history.eventAt("2025-01-15T19:00", "JP-13", "渋谷区").checkedIn(taroAgain);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> answers = new ArrayList<>();
        try {
            Callable<String> merge = () -> {
                try {
                    merges.merge(organization.id(), taro, taroAgain);
                    return "merged";
                } catch (ConflictException refused) {
                    return "refused";
                }
            };
            answers.add(pool.submit(merge));
            answers.add(pool.submit(merge));
            List<String> outcomes = new ArrayList<>();
            for (Future<String> answer : answers) {
                outcomes.add(answer.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("merged", "refused");
        } finally {
            pool.shutdown();
        }
        assertThat(merges.recent(organization.id(), 0, 10)).hasSize(1);
        assertThat(db.fetchCount(ATTENDANCE, ATTENDANCE.MEMBER_ID.eq(taro))).isEqualTo(1);
    }

    @Test
    void anotherOrganizationsMembersAndMergesAreNotFound() {
        Organization other = organizations.found(new Slug("merge-other-" + System.nanoTime()), "Other");
        long stranger = members.register(other.id(), "山田 太郎", List.of()).id();
        MemberMerge merge = merges.merge(organization.id(), taro, taroAgain);

        assertThatThrownBy(() -> merges.merge(organization.id(), taro, stranger))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> merges.merge(other.id(), stranger, taro)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> merges.undo(other.id(), merge.id())).isInstanceOf(NotFoundException.class);
    }

    private List<org.assertj.core.groups.Tuple> registrations(Held event) {
        return db.select(REGISTRATION.MEMBER_ID, REGISTRATION.STATUS).from(REGISTRATION)
                .where(REGISTRATION.EVENT_ID.eq(event.id()))
                .fetch(r -> tuple(r.value1(), r.value2()));
    }

    /**
     * An output, a feed, a talk, a survey response, a nudge, an opt-out of nudges, an email to a segment and an opt-out
     * of those, an undone check-in and an imported row.
     */
    private void everyOtherRowOf(long member, Held event) {
        long registration = db.select(REGISTRATION.ID).from(REGISTRATION)
                .where(REGISTRATION.MEMBER_ID.eq(member)).and(REGISTRATION.EVENT_ID.eq(event.id()))
                .fetchSingle(REGISTRATION.ID);
        db.insertInto(OUTPUT)
                .set(OUTPUT.ORGANIZATION_ID, organization.id())
                .set(OUTPUT.URL, "https://example.com/report")
                .set(OUTPUT.NORMALIZED_URL, "https://example.com/report")
                .set(OUTPUT.KIND, "BLOG")
                .set(OUTPUT.AUTHOR_MEMBER_ID, member)
                .set(OUTPUT.SOURCE, "SUBMITTED")
                .set(OUTPUT.CREATED_AT, NOW)
                .execute();
        db.insertInto(MEMBER_FEED)
                .set(MEMBER_FEED.ORGANIZATION_ID, organization.id())
                .set(MEMBER_FEED.MEMBER_ID, member)
                .set(MEMBER_FEED.URL, "https://example.com/feed")
                .set(MEMBER_FEED.NORMALIZED_URL, "https://example.com/feed")
                .set(MEMBER_FEED.NEXT_POLL_AT, NOW)
                .set(MEMBER_FEED.FAILURES, 0)
                .set(MEMBER_FEED.CREATED_AT, NOW)
                .execute();
        long session = db.insertInto(EVENT_SESSION)
                .set(EVENT_SESSION.EVENT_ID, event.id())
                .set(EVENT_SESSION.EVENT_KEY, 0)
                .set(EVENT_SESSION.KIND, "LT")
                .set(EVENT_SESSION.TITLE, "LT")
                .returning(EVENT_SESSION.ID).fetchSingle().getId();
        db.insertInto(SESSION_SPEAKER)
                .set(SESSION_SPEAKER.EVENT_SESSION_ID, session)
                .set(SESSION_SPEAKER.EVENT_SESSION_KEY, 0)
                .set(SESSION_SPEAKER.MEMBER_ID, member)
                .execute();
        db.insertInto(SURVEY_RESPONSE)
                .set(SURVEY_RESPONSE.REGISTRATION_ID, registration)
                .set(SURVEY_RESPONSE.EVENT_ID, event.id())
                .set(SURVEY_RESPONSE.ORGANIZATION_ID, organization.id())
                .set(SURVEY_RESPONSE.MEMBER_ID, member)
                .set(SURVEY_RESPONSE.NPS, 9)
                .set(SURVEY_RESPONSE.WANTS_TO_SPEAK, false)
                .set(SURVEY_RESPONSE.WANTS_TO_ORGANISE, false)
                .set(SURVEY_RESPONSE.ANONYMOUS, false)
                .set(SURVEY_RESPONSE.ANSWERED_AT, NOW)
                .set(SURVEY_RESPONSE.UPDATED_AT, NOW)
                .execute();
        db.insertInto(OUTPUT_NUDGE)
                .set(OUTPUT_NUDGE.EVENT_ID, event.id())
                .set(OUTPUT_NUDGE.MEMBER_ID, member)
                .set(OUTPUT_NUDGE.ORGANIZATION_ID, organization.id())
                .set(OUTPUT_NUDGE.TOKEN_HASH, "hash-" + member + "-" + System.nanoTime())
                .set(OUTPUT_NUDGE.SENT_AT, NOW)
                .execute();
        for (String topic : List.of("output-nudges", "segment-emails")) {
            db.insertInto(EMAIL_OPT_OUT)
                    .set(EMAIL_OPT_OUT.ORGANIZATION_ID, organization.id())
                    .set(EMAIL_OPT_OUT.MEMBER_ID, member)
                    .set(EMAIL_OPT_OUT.TOPIC, topic)
                    .set(EMAIL_OPT_OUT.OPTED_OUT_AT, NOW)
                    .execute();
        }
        db.insertInto(EMAIL_PREFERENCE_LINK)
                .set(EMAIL_PREFERENCE_LINK.ORGANIZATION_ID, organization.id())
                .set(EMAIL_PREFERENCE_LINK.MEMBER_ID, member)
                .set(EMAIL_PREFERENCE_LINK.TOPIC, "survey-invitations")
                .set(EMAIL_PREFERENCE_LINK.TOKEN_HASH, "hash-" + member + "-" + System.nanoTime())
                .set(EMAIL_PREFERENCE_LINK.CREATED_AT, NOW)
                .execute();
        long message = db.insertInto(SEGMENT_MESSAGE)
                .set(SEGMENT_MESSAGE.ORGANIZATION_ID, organization.id())
                .set(SEGMENT_MESSAGE.SEGMENT_NAME, "Regulars")
                .set(SEGMENT_MESSAGE.SUBJECT, "Next time")
                .set(SEGMENT_MESSAGE.BODY, "See you")
                .set(SEGMENT_MESSAGE.RECIPIENTS, 1)
                .set(SEGMENT_MESSAGE.SKIPPED, 0)
                .set(SEGMENT_MESSAGE.SENT_BY, "leader@example.com")
                .set(SEGMENT_MESSAGE.SENT_AT, NOW)
                .returning(SEGMENT_MESSAGE.ID).fetchSingle().getId();
        db.insertInto(SEGMENT_MESSAGE_RECIPIENT)
                .set(SEGMENT_MESSAGE_RECIPIENT.ORGANIZATION_ID, organization.id())
                .set(SEGMENT_MESSAGE_RECIPIENT.SEGMENT_MESSAGE_ID, message)
                .set(SEGMENT_MESSAGE_RECIPIENT.MEMBER_ID, member)
                .set(SEGMENT_MESSAGE_RECIPIENT.TOKEN_HASH, "hash-" + member + "-" + System.nanoTime())
                .execute();
        db.insertInto(ATTENDANCE_UNDO)
                .set(ATTENDANCE_UNDO.ORGANIZATION_ID, organization.id())
                .set(ATTENDANCE_UNDO.EVENT_ID, event.id())
                .set(ATTENDANCE_UNDO.MEMBER_ID, member)
                .set(ATTENDANCE_UNDO.REGISTRATION_ID, registration)
                .set(ATTENDANCE_UNDO.METHOD, "STAFF")
                .set(ATTENDANCE_UNDO.CHECKED_IN_AT, NOW)
                .set(ATTENDANCE_UNDO.UNDONE_AT, NOW)
                .execute();
        db.insertInto(HISTORY_IMPORT_PERSON)
                .set(HISTORY_IMPORT_PERSON.EVENT_ID, event.id())
                .set(HISTORY_IMPORT_PERSON.ROW_KEY, "connpass-withdrawn:receipt 7")
                .set(HISTORY_IMPORT_PERSON.MEMBER_ID, member)
                .execute();
    }

    /** Every row of every table that points at members, and the members themselves, in a stable order. */
    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> rows = new java.util.TreeMap<>();
        List<Table<?>> tables = new ArrayList<>();
        tables.add(MEMBER);
        MergeLedger.memberColumns().forEach(c -> tables.add(c.getTable()));
        for (Table<?> table : tables) {
            List<Map<String, Object>> all = new ArrayList<>();
            for (Record row : db.selectFrom(table).fetch()) {
                Map<String, Object> values = new java.util.TreeMap<>(row.intoMap());
                values.replaceAll((k, v) -> v instanceof OffsetDateTime t ? t.toInstant() : v);
                all.add(values);
            }
            all.sort(java.util.Comparator.comparing(Object::toString));
            rows.put(table.getName(), all);
        }
        return rows;
    }
}
