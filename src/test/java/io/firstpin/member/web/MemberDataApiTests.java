package io.firstpin.member.web;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static io.firstpin.platform.db.Tables.HISTORY_IMPORT;
import static io.firstpin.platform.db.Tables.REGISTRATION;
import static io.firstpin.platform.db.Tables.REGISTRATION_ANSWER;
import static io.firstpin.platform.db.Tables.REGISTRATION_QUESTION;
import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.member.AudienceInput;
import io.firstpin.member.AudienceSource;
import io.firstpin.member.Audiences;
import io.firstpin.member.EmailPreferences;
import io.firstpin.member.EmailTopic;
import io.firstpin.member.IdentityInput;
import io.firstpin.member.MemberMerge;
import io.firstpin.member.MemberMerges;
import io.firstpin.member.Members;
import io.firstpin.output.MemberFeeds;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.db.DefaultSchema;
import io.firstpin.registration.Applicant;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.ApiClient;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.testing.CommunityHistory.Held;
import io.firstpin.testing.DatabaseTest;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Export and erasure by API. Taro (known by an email, a connpass name and an X handle; once known twice, merged) took
 * part in two communities: registered with answers, checked in, gave an LT, wrote a post, led, answered a survey with a
 * comment, has a feed and an audience, opted out of nudges, was sent email, appears in an uploaded connpass file, and
 * someone registered publicly under his address. Hanako and Jiro took part too.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "firstpin.bootstrap-token=" + BOOTSTRAP)
class MemberDataApiTests {

    private static final String PERIOD = "?from=2025-01-01&to=2025-12-31";

    @LocalServerPort
    int port;
    @Autowired
    DSLContext db;
    @Autowired
    Communities communities;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    Members members;
    @Autowired
    MemberMerges merges;
    @Autowired
    Audiences audiences;
    @Autowired
    MemberFeeds feeds;
    @Autowired
    EmailPreferences preferences;
    @Autowired
    Events events;
    @Autowired
    Registrations registrations;

    String tag;
    ApiClient admin;
    long organizationId;
    Community tokyo;
    Community osaka;
    long taro;
    long taroAgain;
    long provisional;
    MemberMerge merge;
    String email;
    String oldEmail;
    String name;

    @BeforeEach
    void taroTookPartInTwoCommunities() {
        tag = "erase" + System.nanoTime();
        admin = new ApiClient(port, BOOTSTRAP).foundOrganization(tag);
        tokyo = community(tag + "-tokyo", "JAWS-UG 東京");
        osaka = community(tag + "-osaka", "JAWS-UG 大阪");
        organizationId = tokyo.organizationId();
        email = "taro-" + tag + "@example.com";
        oldEmail = "t.yamada-" + tag + "@example.com";
        name = "山田 太郎" + tag;
        taro = members.register(organizationId, name, List.of(IdentityInput.email(email),
                IdentityInput.connpass("taro_" + tag), IdentityInput.of("x", "@X" + tag))).id();
        taroAgain = members.register(organizationId, "山田太郎" + tag, List.of(IdentityInput.email(oldEmail))).id();
        CommunityHistory inTokyo = new CommunityHistory(db, communities, publisher, tokyo);
        CommunityHistory inOsaka = new CommunityHistory(db, communities, publisher, osaka);
        long hanako = inTokyo.member("Hanako");
        long jiro = inTokyo.member("Jiro");
        Held first = inTokyo.eventAt("2025-02-10T19:00", "JP-13", "渋谷区").checkedIn(taro, hanako)
                .surveyAnsweredBy(taro, 9, false, "楽しかった" + tag)
                .reportedBy(taro, "https://blog.example.com/" + tag, false);
        inTokyo.eventAt("2025-04-10T19:00", "JP-13", "渋谷区").checkedIn(taroAgain, hanako, jiro)
                .lightningTalkBy(taroAgain);
        inOsaka.eventAt("2025-05-10T19:00", "JP-27", "大阪市").confirmed(taro, jiro);
        inTokyo.leader(taro, "2025-03-01", null);
        answer(first.id(), taro, "会社名", "山田商事" + tag);
        audiences.record(organizationId, taro, List.of(new AudienceInput("x", "1200", "2025-06-01")),
                AudienceSource.STAFF);
        feeds.add(organizationId, taro, "https://blog.example.com/" + tag + "/feed");
        preferences.optOut(organizationId, taro, EmailTopic.OUTPUT_NUDGES);
        merge = merges.merge(organizationId, taro, taroAgain);
        long upcoming = events.plan(tokyo, new EventDetails("次回", null, EventKind.STUDY_SESSION,
                Instant.now().plus(30, ChronoUnit.DAYS), null, null, true, null, Optional.empty()), List.of(),
                List.of(), "一般枠").id();
        registrations.register(upcoming, null, new Applicant("たろう" + tag, email, Locale.JAPANESE), null);
        provisional = db.select(REGISTRATION.MEMBER_ID).from(REGISTRATION).where(REGISTRATION.EVENT_ID.eq(upcoming))
                .fetchSingle(REGISTRATION.MEMBER_ID);
        uploaded(first.id(), "connpass-" + tag + ".csv", "名前,メール\n" + name + "," + email + "\n花子,h@example.com\n");
        uploaded(first.id(), "other-" + tag + ".csv", "名前,メール\n花子,h@example.com\n");
    }

    private Community community(String slug, String name) {
        admin.post("/api/v1/organizations/" + tag + "/communities", json("slug", slug, "name", name));
        return communities.findBySlug(slug).orElseThrow();
    }

    private void answer(long eventId, long member, String question, String text) {
        long questionId = db.insertInto(REGISTRATION_QUESTION)
                .set(REGISTRATION_QUESTION.ORGANIZATION_ID, organizationId)
                .set(REGISTRATION_QUESTION.EVENT_ID, eventId)
                .set(REGISTRATION_QUESTION.POSITION, 0)
                .set(REGISTRATION_QUESTION.KIND, "TEXT")
                .set(REGISTRATION_QUESTION.LABEL, question)
                .set(REGISTRATION_QUESTION.REQUIRED, false)
                .set(REGISTRATION_QUESTION.RETIRED, false)
                .returning(REGISTRATION_QUESTION.ID).fetchSingle().getId();
        long registration = db.select(REGISTRATION.ID).from(REGISTRATION)
                .where(REGISTRATION.EVENT_ID.eq(eventId)).and(REGISTRATION.MEMBER_ID.eq(member))
                .fetchSingle(REGISTRATION.ID);
        db.update(REGISTRATION).set(REGISTRATION.EMAIL, email).set(REGISTRATION.NAME, name)
                .where(REGISTRATION.ID.eq(registration)).execute();
        db.insertInto(REGISTRATION_ANSWER).set(REGISTRATION_ANSWER.REGISTRATION_ID, registration)
                .set(REGISTRATION_ANSWER.QUESTION_ID, questionId).set(REGISTRATION_ANSWER.ANSWER, text).execute();
    }

    /** A connpass export kept as uploaded, in Shift_JIS as Excel saves it. */
    private void uploaded(long eventId, String fileName, String text) {
        db.insertInto(HISTORY_IMPORT)
                .set(HISTORY_IMPORT.ORGANIZATION_ID, organizationId)
                .set(HISTORY_IMPORT.EVENT_ID, eventId)
                .set(HISTORY_IMPORT.FORMAT, "connpass")
                .set(HISTORY_IMPORT.FILE_NAME, fileName)
                .set(HISTORY_IMPORT.SHA256, Integer.toHexString(fileName.hashCode()))
                .set(HISTORY_IMPORT.ENCODING, "Shift_JIS (CP932)")
                .set(HISTORY_IMPORT.CONTENT, text.getBytes(Charset.forName("windows-31j")))
                .set(HISTORY_IMPORT.ROWS_READ, 2)
                .set(HISTORY_IMPORT.REGISTRATIONS, 2)
                .set(HISTORY_IMPORT.ATTENDANCES, 2)
                .set(HISTORY_IMPORT.MEMBERS_CREATED, 0)
                .set(HISTORY_IMPORT.MEMBERS_MATCHED, 2)
                .set(HISTORY_IMPORT.IMPORTED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .execute();
    }

    private String dashboardNumbers() {
        StringBuilder numbers = new StringBuilder();
        for (Community community : List.of(tokyo, osaka)) {
            String path = "/api/v1/communities/" + community.slug();
            numbers.append(admin.get(path + "/kpis" + PERIOD).body());
            JsonNode ladder = admin.get(path + "/ladder" + PERIOD).json();
            ladder.path("ready").forEach(step -> step.path("members")
                    .forEach(member -> ((ObjectNode) member).remove("displayName")));
            numbers.append(ladder);
        }
        return numbers.toString();
    }

    /** Every text column of every table, where any of the values stands (case ignored), as table.column. */
    private List<String> whereStands(String... values) {
        List<String> found = new ArrayList<>();
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            for (Field<?> field : table.fields()) {
                if (!field.getDataType().isString()) {
                    continue;
                }
                for (String value : values) {
                    if (db.fetchCount(table, DSL.lower(field.cast(String.class))
                            .contains(value.toLowerCase(Locale.ROOT))) > 0) {
                        found.add(table.getName() + "." + field.getName() + " has " + value);
                    }
                }
            }
        }
        return found;
    }

    @Test
    void theExportHoldsEverythingAboutTheMemberAndTheMembersMergedIntoIt() {
        ApiClient.Answer export = admin.get("/api/v1/members/" + taro + "/export");

        assertThat(export.status()).isEqualTo(200);
        JsonNode data = export.json();
        assertThat(data.path("member").path("id").asLong()).isEqualTo(taro);
        assertThat(data.path("member").path("displayName").asString()).isEqualTo(name);
        assertThat(data.path("mergedMembers").get(0).asLong()).isEqualTo(taroAgain);
        assertThat(data.path("identities").findValuesAsString("value"))
                .contains(email, oldEmail, "taro_" + tag, "X" + tag, "https://blog.example.com/" + tag + "/feed");
        assertThat(data.path("registrations")).hasSize(3);
        assertThat(data.path("registrations").get(0).path("answers").get(0).path("answer").asString())
                .startsWith("山田商事");
        assertThat(data.path("attendance")).hasSize(2);
        assertThat(data.path("talks")).hasSize(1);
        assertThat(data.path("outputs").get(0).path("url").asString()).isEqualTo("https://blog.example.com/" + tag);
        assertThat(data.path("feeds")).hasSize(1);
        assertThat(data.path("surveyResponses").get(0).path("comment").asString()).startsWith("楽しかった");
        assertThat(data.path("leaderRoles").get(0).path("community").asString()).isEqualTo("JAWS-UG 東京");
        assertThat(data.path("reach").get(0).path("size").asLong()).isEqualTo(1200);
        assertThat(data.path("optOuts").get(0).asString()).isEqualTo("output-nudges");
        assertThat(export.body()).as("someone else's registration under his address is not his until proven")
                .doesNotContain("たろう" + tag);
    }

    @Test
    void erasureRemovesThePersonEverywhereAndLeavesEveryNumberOfBothCommunitiesAsItWas() {
        String before = dashboardNumbers();
        String surveyBefore = admin.get("/api/v1/events/" + firstEventId() + "/survey-summary").body();

        ApiClient.Answer erased = admin.post("/api/v1/members/" + taro + "/erasure", "");

        assertThat(erased.status()).isEqualTo(200);
        assertThat(erased.json().path("erased").asBoolean()).isTrue();
        assertThat(erased.json().path("counts").path("members").asString()).isEqualTo("3");
        assertThat(dashboardNumbers()).isEqualTo(before);
        assertThat(admin.get("/api/v1/events/" + firstEventId() + "/survey-summary").body()).isEqualTo(surveyBefore);
        assertThat(whereStands(email, oldEmail, "taro_" + tag, "X" + tag, name, "山田太郎" + tag, "たろう" + tag,
                "blog.example.com/" + tag + "/feed", "楽しかった" + tag, "山田商事" + tag)).isEmpty();
        assertThat(db.select(HISTORY_IMPORT.FILE_NAME, HISTORY_IMPORT.CONTENT).from(HISTORY_IMPORT)
                .where(HISTORY_IMPORT.ORGANIZATION_ID.eq(organizationId)).orderBy(HISTORY_IMPORT.FILE_NAME)
                .fetch(r -> r.value1() + ":" + (r.value2().length > 0)))
                .containsExactly("connpass-" + tag + ".csv:false", "other-" + tag + ".csv:true");
        String export = admin.get("/api/v1/members/" + taro + "/export").body();
        assertThat(export).contains("(退会ユーザー)").doesNotContain(email, name);
        assertThat(admin.get("/api/v1/organizations/" + tag + "/members?identity=" + email).json().size()).isZero();
        assertThat(members.findOrRegister(organizationId, "Taro", IdentityInput.email(email)).id())
                .as("the same address later is a new member").isNotIn(taro, taroAgain, provisional);
    }

    @Test
    void anErasedPersonStaysAnonymousForGood() {
        admin.post("/api/v1/members/" + taro + "/erasure", "");

        ApiClient.Answer again = admin.post("/api/v1/members/" + taroAgain + "/erasure", "");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asLong()).as("a merged member stands for the member it became")
                .isEqualTo(taro);
        assertThatThrownBy(() -> merges.undo(organizationId, merge.id())).isInstanceOf(ConflictException.class);
        long newcomer = members.register(organizationId, "Someone", List.of()).id();
        assertThatThrownBy(() -> merges.merge(organizationId, taro, newcomer)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> members.addIdentity(organizationId, taro, IdentityInput.email(email)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void anotherOrganizationsMemberIsNotFoundAndNothingIsErased() {
        ApiClient other = new ApiClient(port, BOOTSTRAP).foundOrganization(tag + "-other");

        List<Integer> statuses = List.of(other.get("/api/v1/members/" + taro + "/export").status(),
                other.post("/api/v1/members/" + taro + "/erasure", "").status(),
                admin.anonymous().get("/api/v1/members/" + taro + "/export").status(),
                admin.get("/api/v1/members/99999999/export").status());

        assertThat(statuses).containsExactly(404, 404, 401, 404);
        assertThat(members.inOrganization(organizationId, taro).displayName()).isEqualTo(name);
    }

    private long firstEventId() {
        return db.select(REGISTRATION.EVENT_ID).from(REGISTRATION).where(REGISTRATION.MEMBER_ID.eq(taro))
                .orderBy(REGISTRATION.ID).limit(1).fetchSingle(REGISTRATION.EVENT_ID);
    }
}
