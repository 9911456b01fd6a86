package io.firstpin.output.web;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Importing a CSV list of posts over the API: a study session (#firstpinug, 15 May 2026 19:00–21:00 JST, also on
 * connpass) and a later one without a hashtag, and Hanako, known by her email.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"firstpin.bootstrap-token=" + BOOTSTRAP, "firstpin.outputs.nudge-enabled=false"})
class OutputImportApiTests {

    private static final String CONNPASS = "https://jawsug.connpass.com/event/123456/";

    @LocalServerPort
    int port;

    ApiClient instanceAdmin;

    @BeforeEach
    void connect() {
        instanceAdmin = new ApiClient(port, BOOTSTRAP);
    }

    private Community community(String org) {
        ApiClient admin = instanceAdmin.foundOrganization(org);
        admin.post("/api/v1/organizations/" + org + "/communities", json("slug", org + "-c", "name", "Firstpin UG"));
        ApiClient.Answer meetup = admin.post("/api/v1/communities/" + org + "-c/events", json("title", "Firstpin UG #12",
                "startsAt", "2026-05-15T19:00:00+09:00", "endsAt", "2026-05-15T21:00:00+09:00", "online", true,
                "hashtag", "firstpinug", "connpassUrl", CONNPASS));
        assertThat(meetup.status()).as(meetup.toString()).isEqualTo(201);
        assertThat(meetup.text("connpassUrl")).isEqualTo(CONNPASS);
        long later = admin.post("/api/v1/communities/" + org + "-c/events", json("title", "Firstpin UG #13",
                "startsAt", "2026-06-20T19:00:00+09:00", "online", true)).json().path("id").asLong();
        long hanako = admin.post("/api/v1/organizations/" + org + "/members", json("displayName", "Hanako",
                "identities", List.of(Map.of("kind", "email", "value", "hanako@example.com")))).json().path("id").asLong();
        return new Community(org, admin, meetup.json().path("id").asLong(), later, hanako);
    }

    private record Community(String org, ApiClient admin, long meetup, long later, long hanako) {

        ApiClient.Answer importCsv(String csv) {
            return importBytes(csv.getBytes(StandardCharsets.UTF_8));
        }

        ApiClient.Answer importBytes(byte[] file) {
            return admin.postMultipart("/api/v1/communities/" + org + "-c/outputs/imports", Map.of(), "file",
                    "posts.csv", file);
        }

        /** The event's outputs: address → the output. */
        Map<String, JsonNode> outputsOf(long eventId) {
            JsonNode list = admin.get("/api/v1/events/" + eventId + "/outputs").json();
            return StreamSupport.stream(list.spliterator(), false)
                    .collect(Collectors.toMap(o -> o.path("url").asString(), o -> o));
        }
    }

    private static String posts(Community community) {
        return "url,title,type,published at,author,event,text\r\n"
                + "https://x.com/hanako/status/1?utm_source=share,,,2026-05-15 21:00,HANAKO@example.com,,参加中 #firstpinug\r\n"
                + "https://blog.example.jp/report/,Report,,2026-05-16 10:00,@nobody_known,,"
                + "\"connpass: https://jawsug.connpass.com/event/123456\"\r\n"
                + "https://news.example.com/article,Article,media,2026-06-21,,"
                + community.later() + ",\r\n"
                + "https://blog.example.jp/old,Old,,2026-04-01 10:00,Hanako,,#firstpinug\r\n";
    }

    @Test
    void postsAreLinkedByTheirEventTheHashtagOrTheConnpassAddressAndAuthorsByIdentityOnly() {
        Community community = community("out-import");

        ApiClient.Answer imported = community.importCsv(posts(community));

        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().path("rows").asInt()).isEqualTo(4);
        assertThat(imported.json().path("outputs").asInt()).isEqualTo(4);
        assertThat(imported.json().path("linked").asInt()).isEqualTo(3);
        assertThat(imported.json().path("withoutEvent").asInt()).isEqualTo(1);
        assertThat(imported.json().path("authorsMatched").asInt()).isEqualTo(1);
        assertThat(imported.json().path("encoding").asString()).isEqualTo("UTF-8");
        Map<String, JsonNode> meetup = community.outputsOf(community.meetup());
        assertThat(meetup).containsOnlyKeys("https://x.com/hanako/status/1", "https://blog.example.jp/report");
        JsonNode post = meetup.get("https://x.com/hanako/status/1");
        assertThat(post.path("linkedBy").asString()).isEqualTo("hashtag");
        assertThat(post.path("type").asString()).isEqualTo("social");
        assertThat(post.path("author").asString()).isEqualTo("Hanako");
        assertThat(post.path("publishedAt").asString()).isEqualTo("2026-05-15T12:00:00Z");
        JsonNode report = meetup.get("https://blog.example.jp/report");
        assertThat(report.path("linkedBy").asString()).isEqualTo("url");
        assertThat(report.path("type").asString()).isEqualTo("blog");
        assertThat(report.path("author").isNull()).isTrue();
        JsonNode article = community.outputsOf(community.later()).get("https://news.example.com/article");
        assertThat(article.path("linkedBy").asString()).isEqualTo("import");
        assertThat(article.path("type").asString()).isEqualTo("media");
    }

    @Test
    void importingTheSameFileAgainAddsNothingAndReportsTheSameCounts() {
        Community community = community("out-import-again");
        ApiClient.Answer first = community.importCsv(posts(community));

        ApiClient.Answer again = community.importCsv(posts(community));

        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(community.outputsOf(community.meetup())).hasSize(2);
        assertThat(community.outputsOf(community.later())).hasSize(1);
    }

    @Test
    void aShiftJisFileSavedByExcelReadsTheSame() {
        Community community = community("out-import-sjis");

        ApiClient.Answer imported = community.importBytes(("URL,タイトル,種類\r\n"
                + "https://blog.example.jp/sjis,①勉強会レポート #firstpinug,blog\r\n").getBytes(Charset.forName("windows-31j")));

        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().path("encoding").asString()).isEqualTo("Shift_JIS (CP932)");
        assertThat(imported.json().path("withoutEvent").asInt()).isEqualTo(1);
    }

    @Test
    void everyBadCellIsReportedByRowAndColumnAndNothingIsStored() {
        Community community = community("out-import-bad");

        ApiClient.Answer rejected = community.importCsv("url,type,published at,event\n"
                + "https://fine.example.jp/1,blog,2026-05-16," + community.meetup() + "\n"
                + "not an address,blog,2026-05-16,\n"
                + "https://fine.example.jp/2,podcast,yesterday,999999999\n"
                + ",blog,,\n");

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(422);
        assertThat(rejected.text("error")).isEqualTo("import_rejected");
        List<String> details = StreamSupport.stream(rejected.json().path("details").spliterator(), false)
                .map(d -> d.path("row").asInt() + " " + d.path("column").asString())
                .toList();
        assertThat(details).containsExactly("3 url", "4 type", "4 published at", "4 event", "5 url");
        assertThat(community.outputsOf(community.meetup())).isEmpty();
    }

    @Test
    void aFileWithoutAnAddressColumnOrWithoutAFileIsRefused() {
        Community community = community("out-import-columns");

        ApiClient.Answer noUrl = community.importCsv("title,type\nA post,blog\n");
        ApiClient.Answer noFile = community.admin().postMultipart("/api/v1/communities/" + community.org()
                + "-c/outputs/imports", Map.of("other", "x"), null, null, null);

        assertThat(noUrl.status()).isEqualTo(422);
        assertThat(noUrl.json().path("details").get(0).path("column").asString()).isEqualTo("url");
        assertThat(noFile.status()).isEqualTo(400);
    }

    @Test
    void anotherOrganizationCannotImportIntoTheCommunity() {
        Community community = community("out-import-own");
        ApiClient other = instanceAdmin.foundOrganization("out-import-other");

        ApiClient.Answer answer = other.postMultipart("/api/v1/communities/out-import-own-c/outputs/imports", Map.of(),
                "file", "posts.csv", posts(community).getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(community.outputsOf(community.meetup())).isEmpty();
    }
}
