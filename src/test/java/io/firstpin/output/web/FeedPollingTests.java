package io.firstpin.output.web;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.LocalWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Members' feeds in each platform's format, served by a local web server (so private networks are allowed here), read
 * through the API's poll call and linked to a study session by the linking rules.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"firstpin.bootstrap-token=" + BOOTSTRAP, "firstpin.outbound.allow-private-networks=true",
                "firstpin.outputs.feed-check-interval=1h", "firstpin.outputs.nudge-enabled=false"})
class FeedPollingTests {

    /** Each platform's feed: fixture file and content type, as the platform serves it. */
    private static final Map<String, String[]> PLATFORMS = new LinkedHashMap<>();

    static {
        PLATFORMS.put("hatena", new String[] {"hatena-blog.atom", "application/atom+xml; charset=utf-8"});
        PLATFORMS.put("note", new String[] {"note.rss", "application/rss+xml; charset=UTF-8"});
        PLATFORMS.put("qiita", new String[] {"qiita.atom", "application/atom+xml; charset=utf-8"});
        PLATFORMS.put("zenn", new String[] {"zenn.rss", "application/xml; charset=utf-8"});
        PLATFORMS.put("medium", new String[] {"medium.rss", "text/xml; charset=UTF-8"});
        PLATFORMS.put("devto", new String[] {"devto.rss", "application/rss+xml; charset=utf-8"});
        PLATFORMS.put("wordpress", new String[] {"wordpress.rss", "application/rss+xml; charset=UTF-8"});
        PLATFORMS.put("bookmark", new String[] {"hatena-bookmark.rdf", "application/rdf+xml"});
    }

    @LocalServerPort
    int port;

    ApiClient instanceAdmin;
    LocalWebServer blogs;

    @BeforeEach
    void start() {
        instanceAdmin = new ApiClient(port, BOOTSTRAP);
        blogs = LocalWebServer.start();
    }

    @AfterEach
    void stop() {
        blogs.close();
    }

    private static String fixture(String name) {
        try (InputStream in = FeedPollingTests.class.getResourceAsStream("/feeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves the platform's feed with an ETag, answering 304 to a request that brings the same ETag back. */
    private void serveFeed(String platform, long eventId) {
        String[] feed = PLATFORMS.get(platform);
        byte[] body = fixture(feed[0]).replace("{{eventUrl}}", "http://firstpin.test/e/" + eventId)
                .getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + platform + "-v1\"";
        blogs.answer("/" + platform + "/feed", exchange -> {
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                LocalWebServer.bytes(304, feed[1], new byte[0], Map.of("ETag", etag)).write(exchange);
            } else {
                LocalWebServer.bytes(200, feed[1], body, Map.of("ETag", etag)).write(exchange);
            }
        });
    }

    /** An organization whose study session (#firstpinug, 15 May 2026, 19:00–21:00 JST) members blog about. */
    private Community community(String org) {
        ApiClient admin = instanceAdmin.foundOrganization(org);
        admin.post("/api/v1/organizations/" + org + "/communities", json("slug", org + "-c", "name", "Firstpin UG"));
        long eventId = admin.post("/api/v1/communities/" + org + "-c/events", json("title", "Firstpin UG #12",
                "startsAt", "2026-05-15T19:00:00+09:00", "endsAt", "2026-05-15T21:00:00+09:00", "online", true,
                "hashtag", "firstpinug")).json().path("id").asLong();
        return new Community(org, admin, eventId);
    }

    private record Community(String org, ApiClient admin, long eventId) {

        long memberWithFeed(String name, String feedUrl) {
            long memberId = admin.post("/api/v1/organizations/" + org + "/members", json("displayName", name))
                    .json().path("id").asLong();
            ApiClient.Answer feed = admin.post("/api/v1/members/" + memberId + "/feeds", json("url", feedUrl));
            assertThat(feed.status()).as(feed.toString()).isEqualTo(201);
            return memberId;
        }

        JsonNode poll() {
            ApiClient.Answer answer = admin.post("/api/v1/organizations/" + org + "/feeds/poll", "{}");
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            return answer.json();
        }

        /** The event's outputs: address → the output. */
        Map<String, JsonNode> outputs() {
            JsonNode list = admin.get("/api/v1/events/" + eventId + "/outputs").json();
            return StreamSupport.stream(list.spliterator(), false)
                    .collect(Collectors.toMap(o -> o.path("url").asString(), o -> o, (a, b) -> a, LinkedHashMap::new));
        }

        JsonNode feedsOf(long memberId) {
            return admin.get("/api/v1/members/" + memberId + "/feeds").json();
        }
    }

    private Community everyPlatformBloggingAbout(String org) {
        Community community = community(org);
        PLATFORMS.keySet().forEach(platform -> {
            serveFeed(platform, community.eventId());
            community.memberWithFeed(platform + " writer", blogs.url("/" + platform + "/feed"));
        });
        return community;
    }

    @Test
    void postsOfEveryPlatformAreLinkedByHashtagOrAddressWithinTheWindowAndNothingElse() {
        Community community = everyPlatformBloggingAbout("feeds-all");

        JsonNode poll = community.poll();

        assertThat(poll.path("feeds").asInt()).isEqualTo(8);
        assertThat(poll.path("newOutputs").asInt()).isEqualTo(11);
        Map<String, String> linkedBy = community.outputs().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().path("linkedBy").asString()));
        assertThat(linkedBy).containsExactlyInAnyOrderEntriesOf(Map.of(
                "https://taro-dev.hatenablog.com/entry/2026/05/16/221000", "hashtag",
                "https://note.com/hanako_cm/n/n1a2b3c4d5e6f", "url",
                "https://qiita.com/jiro_eng/items/0123456789abcdef0123", "hashtag",
                "https://medium.com/@shiro.tanaka/what-a-community-meetup-taught-me-about-onboarding-1a2b3c4d5e6f?source=rss-0a1b2c3d4e5f------2", "url",
                "https://dev.to/goro_suzuki/notes-from-firstpinug-self-running-communities-2k4j", "hashtag",
                "https://rokuro.example.jp/2026/06/10/firstpin-ug-report", "url",
                "https://nanami.example.com/posts/live-notes", "hashtag"));
        JsonNode qiita = community.outputs().get("https://qiita.com/jiro_eng/items/0123456789abcdef0123");
        assertThat(qiita.path("author").asString()).isEqualTo("qiita writer");
        assertThat(qiita.path("publishedAt").asString()).isEqualTo("2026-05-16T14:40:12Z");
        assertThat(qiita.path("title").asString()).isEqualTo("はじめて LT をしました");
    }

    @Test
    void pollingAgainAsksConditionallyAndAddsNoDuplicates() {
        Community community = everyPlatformBloggingAbout("feeds-again");
        community.poll();
        Map<String, JsonNode> first = community.outputs();

        JsonNode again = community.poll();

        assertThat(again.path("newOutputs").asInt()).isZero();
        assertThat(community.outputs().keySet()).containsExactlyElementsOf(first.keySet());
        assertThat(blogs.requestsTo("/note/feed")).hasSize(2);
        assertThat(blogs.requestsTo("/note/feed").get(1).header("If-None-Match")).isEqualTo("\"note-v1\"");
    }

    @Test
    void aFeedReadAgainInFullStillAddsNoDuplicatesAndKeepsTheLinksStaffRemoved() {
        Community community = community("feeds-unlinked");
        String feed = fixture("hatena-blog.atom");
        blogs.answer("/hatena/feed", LocalWebServer.text(200, "application/atom+xml", feed));
        community.memberWithFeed("Taro", blogs.url("/hatena/feed"));
        community.poll();
        long outputId = community.outputs().get("https://taro-dev.hatenablog.com/entry/2026/05/16/221000").path("id").asLong();
        community.admin().delete("/api/v1/events/" + community.eventId() + "/outputs/" + outputId);

        JsonNode again = community.poll();

        assertThat(again.path("newOutputs").asInt()).isZero();
        assertThat(community.outputs()).isEmpty();
    }

    @Test
    void aFeedGivenAsAMembersIdentityElsewhereIsFollowedToo() {
        Community community = community("feeds-identity");
        serveFeed("note", community.eventId());
        ApiClient.Answer member = community.admin().post("/api/v1/organizations/feeds-identity/members",
                json("displayName", "Hanako", "identities", List.of(Map.of("kind", "feed",
                        "value", blogs.url("/note/feed")))));
        assertThat(member.status()).as(member.toString()).isEqualTo(201);

        JsonNode poll = community.poll();
        JsonNode again = community.poll();

        assertThat(poll.path("feeds").asInt()).isEqualTo(1);
        assertThat(poll.path("newOutputs").asInt()).isEqualTo(1);
        assertThat(again.path("feeds").asInt()).isEqualTo(1);
        assertThat(community.feedsOf(member.json().path("id").asLong())).hasSize(1);
    }

    @Test
    void aFeedThatIsDownOrAnswersGarbageIsMarkedFailingWithoutAffectingTheOthers() {
        Community community = community("feeds-failing");
        serveFeed("note", community.eventId());
        blogs.answer("/down/feed", LocalWebServer.text(503, "text/html", "<h1>Service Unavailable</h1>"));
        blogs.answer("/garbage/feed", LocalWebServer.text(200, "text/html", "<html><body>This is not a feed</body></html>"));
        LocalWebServer gone = LocalWebServer.start();
        String unreachable = gone.url("/feed");
        gone.close();
        long good = community.memberWithFeed("Hanako", blogs.url("/note/feed"));
        long down = community.memberWithFeed("Down", blogs.url("/down/feed"));
        long garbage = community.memberWithFeed("Garbage", blogs.url("/garbage/feed"));
        long away = community.memberWithFeed("Away", unreachable);

        JsonNode poll = community.poll();

        assertThat(poll.path("feeds").asInt()).isEqualTo(4);
        assertThat(poll.path("newOutputs").asInt()).isEqualTo(1);
        assertThat(poll.path("failing").asInt()).isEqualTo(3);
        assertThat(community.outputs()).containsOnlyKeys("https://note.com/hanako_cm/n/n1a2b3c4d5e6f");
        assertThat(community.feedsOf(good).get(0).path("status").asString()).isEqualTo("ok");
        for (long failing : new long[] {down, garbage, away}) {
            JsonNode state = community.feedsOf(failing).get(0);
            assertThat(state.path("status").asString()).isEqualTo("failing");
            assertThat(state.path("failures").asInt()).isEqualTo(1);
            assertThat(state.path("lastError").asString()).isNotBlank();
        }
        assertThat(community.feedsOf(down).get(0).path("lastError").asString()).contains("503");
    }

    @Test
    void aPoisonedFeedIsSetAsideAndThePollGoesOnWithEveryOtherFeed() {
        Community community = community("feeds-poisoned");
        String farFuture = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title>"
                + "<item><title>#firstpinug</title><link>https://poison.example/p/1</link>"
                + "<pubDate>Sat, 01 Jan 300000 00:00:00 GMT</pubDate></item></channel></rss>";
        blogs.answer("/poisoned/feed", LocalWebServer.bytes(200, "application/rss+xml",
                farFuture.getBytes(StandardCharsets.UTF_8), Map.of("ETag", "\"\u00ff\u0000odd\"")));
        serveFeed("note", community.eventId());
        long poisoned = community.memberWithFeed("Poisoned", blogs.url("/poisoned/feed"));
        long good = community.memberWithFeed("Hanako", blogs.url("/note/feed"));

        JsonNode poll = community.poll();

        assertThat(poll.path("feeds").asInt()).isEqualTo(2);
        assertThat(community.outputs()).containsKey("https://note.com/hanako_cm/n/n1a2b3c4d5e6f");
        assertThat(community.feedsOf(good).get(0).path("status").asString()).isEqualTo("ok");
        assertThat(community.feedsOf(poisoned).get(0).path("status").asString()).isIn("ok", "failing");
    }

    @Test
    void aPostLinkingTheEventsImportedConnpassPageIsLinkedByAddress() {
        ApiClient admin = instanceAdmin.foundOrganization("feeds-connpass");
        admin.post("/api/v1/organizations/feeds-connpass/communities", json("slug", "feeds-connpass-c", "name", "JAWS-UG"));
        long eventId = admin.post("/api/v1/communities/feeds-connpass-c/events", json("title", "JAWS-UG 東京 #50",
                "startsAt", "2026-05-15T19:00:00+09:00", "endsAt", "2026-05-15T21:00:00+09:00", "online", true,
                "connpassUrl", "https://jawsug.connpass.com/event/123456/")).json().path("id").asLong();
        Community community = new Community("feeds-connpass", admin, eventId);
        blogs.answer("/connpass/feed", LocalWebServer.text(200, "application/atom+xml", """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Taro's notes</title>
                  <id>tag:taro.example.jp,2026:feed</id>
                  <updated>2026-05-16T12:00:00Z</updated>
                  <entry>
                    <title>JAWS-UG 東京 #50 に参加しました</title>
                    <link href="https://taro.example.jp/2026/05/16/jawsug"/>
                    <id>tag:taro.example.jp,2026:1</id>
                    <updated>2026-05-16T12:00:00Z</updated>
                    <content type="html">&lt;a href="http://JAWSUG.connpass.com/event/123456"&gt;イベントページ&lt;/a&gt;</content>
                  </entry>
                  <entry>
                    <title>Another event</title>
                    <link href="https://taro.example.jp/2026/05/17/other"/>
                    <id>tag:taro.example.jp,2026:2</id>
                    <updated>2026-05-17T12:00:00Z</updated>
                    <content type="html">https://jawsug.connpass.com/event/1234567/</content>
                  </entry>
                </feed>
                """));
        community.memberWithFeed("Taro", blogs.url("/connpass/feed"));

        community.poll();

        assertThat(community.outputs()).containsOnlyKeys("https://taro.example.jp/2026/05/16/jawsug");
        assertThat(community.outputs().get("https://taro.example.jp/2026/05/16/jawsug").path("linkedBy").asString())
                .isEqualTo("url");
    }
}
