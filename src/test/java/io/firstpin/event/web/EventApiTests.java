package io.firstpin.event.web;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "firstpin.bootstrap-token=" + BOOTSTRAP)
class EventApiTests {

    @LocalServerPort
    int port;

    ApiClient instanceAdmin;

    @BeforeEach
    void connect() {
        instanceAdmin = new ApiClient(port, BOOTSTRAP);
    }

    /** An organization with one community of the given slug, and a client holding that organization's token. */
    private ApiClient organizationWithCommunity(String org, String community) {
        ApiClient admin = instanceAdmin.foundOrganization(org);
        assertThat(admin.post("/api/v1/organizations/" + org + "/communities",
                json("slug", community, "name", community, "hashtag", "jawsug")).status()).isEqualTo(201);
        return admin;
    }

    @Test
    void anEventIsCreatedWithItsFramesAndAPublicUrl() {
        ApiClient admin = organizationWithCommunity("ev-org", "ev-community");

        ApiClient.Answer created = admin.post("/api/v1/communities/ev-community/events", json(
                "title", "JAWS-UG 東京 #42", "startsAt", "2026-11-24T19:00:00+09:00", "kind", "study_session",
                "venue", Map.of("name", "目黒セントラルスクエア", "prefecture", "東京都", "city", "品川区"),
                "hashtag", "#jawsug_tokyo",
                "frames", List.of(Map.of("name", "一般枠", "capacity", 100, "mode", "fifo"),
                        Map.of("name", "懇親会枠", "capacity", 40, "mode", "lottery", "lotteryAt", "2026-11-20T12:00:00+09:00"))));

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        long id = body.path("id").asLong();
        assertThat(body.path("url").asString()).isEqualTo("http://firstpin.test/e/" + id);
        assertThat(body.path("frames")).hasSize(2);
        assertThat(body.path("frames").get(0).path("name").asString()).isEqualTo("一般枠");
        assertThat(body.path("frames").get(0).path("capacity").asInt()).isEqualTo(100);
        assertThat(body.path("frames").get(1).path("mode").asString()).isEqualTo("lottery");
        assertThat(body.path("frames").get(0).path("id").asLong()).isPositive();

        JsonNode read = admin.get("/api/v1/events/" + id).json();
        assertThat(read.path("title").asString()).isEqualTo("JAWS-UG 東京 #42");
        assertThat(read.path("startsAt").asString()).isEqualTo("2026-11-24T19:00:00+09:00");
        assertThat(read.path("venue").path("prefectureCode").asString()).isEqualTo("JP-13");
        assertThat(read.path("frames").get(0).path("confirmed").asInt()).isZero();
        assertThat(read.path("frames").get(0).path("waitlisted").asInt()).isZero();
    }

    @Test
    void anEventWithoutFramesGetsOneUnlimitedGeneralFrameAndLastsTwoHours() {
        ApiClient admin = organizationWithCommunity("plain-org", "plain");

        JsonNode body = admin.post("/api/v1/communities/plain/events", json(
                "title", "Online meetup", "startsAt", "2026-12-01T20:00:00+09:00", "kind", "online")).json();

        assertThat(body.path("frames")).hasSize(1);
        assertThat(body.path("frames").get(0).path("capacity").isNull()).isTrue();
        assertThat(body.path("online").asBoolean()).isTrue();
        assertThat(body.path("endsAt").asString()).isEqualTo("2026-12-01T22:00:00+09:00");
    }

    @Test
    void prefecturesAreAcceptedAsIsoCodes() {
        ApiClient admin = organizationWithCommunity("iso-org", "iso");

        ApiClient.Answer created = admin.post("/api/v1/communities/iso/events", json(
                "title", "大阪勉強会", "startsAt", "2026-12-05T19:00:00+09:00",
                "venue", Map.of("name", "会場", "prefecture", "JP-27", "city", "大阪市")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("venue").path("prefecture").asString()).isEqualTo("大阪府");
    }

    @Test
    void badEventInputIsExplainedPerField() {
        ApiClient admin = organizationWithCommunity("bad-ev-org", "bad-ev");
        String path = "/api/v1/communities/bad-ev/events";

        ApiClient.Answer noTitle = admin.post(path, json("startsAt", "2026-12-05T19:00:00+09:00", "online", true));
        ApiClient.Answer badDate = admin.post(path, json("title", "x", "startsAt", "next tuesday", "online", true));
        ApiClient.Answer endBeforeStart = admin.post(path, json("title", "x", "startsAt", "2026-12-05T19:00:00+09:00",
                "endsAt", "2026-12-05T18:00:00+09:00", "online", true));
        ApiClient.Answer badPrefecture = admin.post(path, json("title", "x", "startsAt", "2026-12-05T19:00:00+09:00",
                "venue", Map.of("name", "v", "prefecture", "Atlantis")));
        ApiClient.Answer badCapacity = admin.post(path, json("title", "x", "startsAt", "2026-12-05T19:00:00+09:00",
                "online", true, "frames", List.of(Map.of("name", "一般枠", "capacity", 0))));
        ApiClient.Answer sameFrameTwice = admin.post(path, json("title", "x", "startsAt", "2026-12-05T19:00:00+09:00",
                "online", true, "frames", List.of(Map.of("name", "一般枠"), Map.of("name", "一般枠"))));
        ApiClient.Answer lotteryWithoutDraw = admin.post(path, json("title", "x", "startsAt", "2026-12-05T19:00:00+09:00",
                "online", true, "frames", List.of(Map.of("name", "抽選枠", "capacity", 10, "mode", "lottery"))));
        ApiClient.Answer badKind = admin.post(path, json("title", "x", "startsAt", "2026-12-05T19:00:00+09:00",
                "online", true, "kind", "party"));

        assertThat(List.of(noTitle, badDate, endBeforeStart, badPrefecture, badCapacity, sameFrameTwice,
                lotteryWithoutDraw, badKind)).allSatisfy(answer -> {
                    assertThat(answer.status()).isEqualTo(400);
                    assertThat(answer.text("error")).isEqualTo("validation_failed");
                });
        assertThat(firstField(noTitle)).isEqualTo("title");
        assertThat(firstField(badDate)).isEqualTo("startsAt");
        assertThat(firstField(endBeforeStart)).isEqualTo("endsAt");
        assertThat(firstField(badPrefecture)).isEqualTo("venue.prefecture");
        assertThat(firstField(sameFrameTwice)).isEqualTo("frames[1].name");
        assertThat(firstField(lotteryWithoutDraw)).isEqualTo("frames[0].lotteryAt");
        assertThat(firstField(badCapacity)).isEqualTo("frames[0].capacity");
        assertThat(firstField(badKind)).isEqualTo("kind");
        assertThat(admin.get("/api/v1/communities/bad-ev").status()).isEqualTo(200);
    }

    @Test
    void everyProblemOfARequestIsReportedAtOnceUnparseableValuesIncluded() {
        ApiClient admin = organizationWithCommunity("all-at-once-org", "all-at-once");

        ApiClient.Answer answer = admin.post("/api/v1/communities/all-at-once/events", json(
                "startsAt", "next tuesday", "kind", "party", "online", "sometimes",
                "venue", Map.of("name", "会場", "prefecture", "Atlantis"),
                "frames", List.of(Map.of("name", "一般枠", "capacity", "many"),
                        Map.of("name", "LT枠", "capacity", 0, "mode", "raffle"),
                        Map.of("name", "懇親会枠", "capacity", List.of(1, 2))),
                "sessions", List.of(Map.of("title", "LT", "kind", "talk",
                        "materials", List.of(Map.of("url", "not a link"))))));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("error")).isEqualTo("validation_failed");
        List<String> fields = fields(answer);
        assertThat(fields).containsExactlyInAnyOrder("title", "startsAt", "kind", "online", "venue.prefecture",
                "frames[0].capacity", "frames[1].capacity", "frames[1].mode", "frames[2].capacity",
                "sessions[0].kind", "sessions[0].materials[0].url");
        assertThat(answer.json().path("details").findValuesAsString("message")).doesNotContainNull()
                .allSatisfy(message -> assertThat(message).isNotBlank());
        assertThat(admin.get("/api/v1/communities/all-at-once/events").json()).isEmpty();
    }

    @Test
    void anUnreadableValueIsReportedOnceAndInTheRequestsLanguage() {
        ApiClient admin = organizationWithCommunity("unreadable-org", "unreadable");

        ApiClient.Answer answer = admin.post("/api/v1/communities/unreadable/events?lang=ja",
                json("title", Map.of("ja", "勉強会"), "startsAt", "2026-12-05T19:00:00+09:00"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer)).containsExactly("title");
        assertThat(answer.json().path("details").get(0).path("message").asString()).isEqualTo("値の形式が正しくありません。");
    }

    @Test
    void theCommunitysEventsAreListedInStartOrderWithinTheDatesAsked() {
        ApiClient admin = organizationWithCommunity("list-org", "list-main");
        assertThat(admin.post("/api/v1/organizations/list-org/communities",
                json("slug", "list-branch", "name", "支部", "parent", "list-main")).status()).isEqualTo(201);
        long second = createdId(admin, "list-main", "第2回", "2026-05-10T19:00:00+09:00");
        long first = createdId(admin, "list-main", "第1回", "2026-04-01T00:30:00+09:00");
        long branch = createdId(admin, "list-branch", "支部 第1回", "2026-04-20T19:00:00+09:00");
        long later = createdId(admin, "list-main", "第3回", "2026-06-01T19:00:00+09:00");

        JsonNode all = admin.get("/api/v1/communities/list-main/events").json();
        JsonNode april = admin.get("/api/v1/communities/list-main/events?from=2026-04-01&to=2026-05-10").json();
        JsonNode withBranches = admin.get("/api/v1/communities/list-main/events?includeBranches=true&to=2026-04-30").json();

        assertThat(all.findValuesAsString("title")).containsExactly("第1回", "第2回", "第3回");
        assertThat(april).extracting(e -> e.path("id").asLong()).containsExactly(first, second);
        assertThat(withBranches).extracting(e -> e.path("id").asLong()).containsExactly(first, branch);
        JsonNode one = all.get(0);
        assertThat(one.path("startsAt").asString()).isEqualTo("2026-04-01T00:30:00+09:00");
        assertThat(one.path("endsAt").asString()).isEqualTo("2026-04-01T02:30:00+09:00");
        assertThat(one.path("url").asString()).isEqualTo("http://firstpin.test/e/" + first);
        assertThat(one.has("connpassUrl")).isTrue();
        assertThat(one.has("parentEvent")).isTrue();
        assertThat(one.path("online").asBoolean()).isTrue();
        assertThat(one.path("frames").get(0).path("confirmed").asInt()).isZero();
        assertThat(one.path("frames").get(0).path("waitlisted").asInt()).isZero();
        assertThat(later).isPositive();
    }

    @Test
    void badListDatesAreAllReportedAndOtherOrganizationsGetNotFound() {
        ApiClient admin = organizationWithCommunity("list-bad-org", "list-bad");
        ApiClient other = organizationWithCommunity("list-other-org", "list-other");

        ApiClient.Answer bad = admin.get("/api/v1/communities/list-bad/events?from=April&to=2026-13-01");
        ApiClient.Answer reversed = admin.get("/api/v1/communities/list-bad/events?from=2026-05-01&to=2026-04-01");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactly("from", "to");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(fields(reversed)).containsExactly("to");
        assertThat(other.get("/api/v1/communities/list-bad/events").status()).isEqualTo(404);
        assertThat(admin.anonymous().get("/api/v1/communities/list-bad/events").status()).isEqualTo(401);
    }

    private static long createdId(ApiClient admin, String community, String title, String startsAt) {
        ApiClient.Answer created = admin.post("/api/v1/communities/" + community + "/events",
                json("title", title, "startsAt", startsAt, "online", true));
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private static List<String> fields(ApiClient.Answer answer) {
        return answer.json().path("details").findValuesAsString("field");
    }

    @Test
    void oneOrganizationCannotCreateOrReadAnotherOrganizationsEvents() {
        ApiClient a = organizationWithCommunity("iso-a", "community-a");
        ApiClient b = organizationWithCommunity("iso-b", "community-b");
        long eventOfB = b.post("/api/v1/communities/community-b/events", json("title", "B only",
                "startsAt", "2026-12-05T19:00:00+09:00", "online", true)).json().path("id").asLong();

        assertThat(a.get("/api/v1/events/" + eventOfB).status()).isEqualTo(404);
        assertThat(a.post("/api/v1/communities/community-b/events", json("title", "intrusion",
                "startsAt", "2026-12-05T19:00:00+09:00", "online", true)).status()).isEqualTo(404);
        assertThat(a.get("/api/v1/communities/community-b").status()).isEqualTo(404);
        assertThat(a.get("/api/v1/organizations/iso-b/members?identity=x").status()).isEqualTo(404);
        assertThat(a.post("/api/v1/organizations/iso-b/members", json("displayName", "planted")).status()).isEqualTo(404);
        assertThat(a.post("/api/v1/organizations/iso-b/tokens", json("name", "x")).status()).isEqualTo(404);
        assertThat(a.post("/api/v1/organizations/iso-b/communities", json("slug", "planted", "name", "x")).status())
                .isEqualTo(404);
        assertThat(b.get("/api/v1/events/" + eventOfB).status()).isEqualTo(200);
    }

    private static String firstField(ApiClient.Answer answer) {
        return answer.json().path("details").get(0).path("field").asString();
    }
}
