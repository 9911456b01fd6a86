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

/** Series and copies through the API, and the public series page and "the next one" on an event's page. */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"firstpin.bootstrap-token=" + BOOTSTRAP, "db-scheduler.enabled=false"})
class EventSeriesApiTests {

    @LocalServerPort
    int port;

    ApiClient instanceAdmin;
    ApiClient anyone;

    @BeforeEach
    void connect() {
        instanceAdmin = new ApiClient(port, BOOTSTRAP);
        anyone = instanceAdmin.anonymous();
    }

    private ApiClient organizationWithCommunity(String org) {
        ApiClient admin = instanceAdmin.foundOrganization(org);
        admin.post("/api/v1/organizations/" + org + "/communities", json("slug", org + "-c", "name", "Kotlin Fest"));
        return admin;
    }

    private long event(ApiClient admin, String org, String title) {
        ApiClient.Answer created = admin.post("/api/v1/communities/" + org + "-c/events", json("title", title,
                "startsAt", "2099-03-12T19:00:00+09:00", "online", true, "hashtag", "kotlin_benkyo", "frames",
                List.of(Map.of("name", "一般枠", "capacity", 30), Map.of("name", "LT枠", "capacity", 5))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    @Test
    void aSeriesNumbersItsEventsAndACopyTakesTheNextNumberOnThePublicPages() {
        ApiClient admin = organizationWithCommunity("series-api");
        long twelfth = event(admin, "series-api", "Kotlin勉強会 Vol.12");

        ApiClient.Answer started = admin.post("/api/v1/communities/series-api-c/series",
                json("name", "Kotlin勉強会", "numbering", "Vol.{n}"));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        long seriesId = started.json().path("id").asLong();
        assertThat(started.text("url")).endsWith("/c/series-api-c/series/" + seriesId);
        ApiClient.Answer numbered = admin.put("/api/v1/events/" + twelfth + "/series",
                json("series", seriesId, "number", 12));
        assertThat(numbered.status()).as(numbered.toString()).isEqualTo(200);
        assertThat(numbered.text("label")).isEqualTo("Vol.12");

        ApiClient.Answer copied = admin.post("/api/v1/events/" + twelfth + "/copy",
                json("startsAt", "2099-04-09T19:00:00+09:00"));

        assertThat(copied.status()).as(copied.toString()).isEqualTo(201);
        JsonNode copy = copied.json();
        assertThat(copy.path("title").asString()).isEqualTo("Kotlin勉強会 Vol.13");
        assertThat(copy.path("startsAt").asString()).startsWith("2099-04-09T19:00").endsWith("+09:00");
        assertThat(copy.path("hashtag").asString()).isEqualTo("#kotlin_benkyo");
        assertThat(copy.path("frames")).extracting(f -> f.path("name").asString()).containsExactly("一般枠", "LT枠");
        assertThat(admin.get("/api/v1/communities/series-api-c/series").json().get(0).path("nextNumber").asInt())
                .isEqualTo(14);

        String seriesPage = anyone.get("/c/series-api-c/series/" + seriesId + "?lang=ja").body();
        assertThat(seriesPage).contains("Vol.12").contains("Vol.13").contains("/e/" + copy.path("id").asLong())
                .contains("開催予定");
        String eventPage = anyone.get("/e/" + twelfth + "?lang=ja").body();
        assertThat(eventPage).contains("次回").contains("Kotlin勉強会 Vol.13").contains("/c/series-api-c/series/");
        assertThat(anyone.get("/e/" + twelfth + "?lang=en").body()).contains("The next one");
        assertThat(anyone.get("/e/" + copy.path("id").asLong()).body()).doesNotContain("id=\"next-one\"");
    }

    @Test
    void refusalsAreExplainedAndOtherOrganizationsSeeNothing() {
        ApiClient admin = organizationWithCommunity("series-refused");
        long event = event(admin, "series-refused", "勉強会");
        long other = event(admin, "series-refused", "勉強会 2");
        long seriesId = admin.post("/api/v1/communities/series-refused-c/series", json("name", "勉強会")).json()
                .path("id").asLong();
        ApiClient outsider = organizationWithCommunity("series-outsider");

        ApiClient.Answer badNumbering = admin.post("/api/v1/communities/series-refused-c/series",
                json("name", "Bad", "numbering", "Vol."));
        ApiClient.Answer first = admin.put("/api/v1/events/" + event + "/series", json("series", seriesId));
        ApiClient.Answer taken = admin.put("/api/v1/events/" + other + "/series", json("series", seriesId, "number", 1));
        ApiClient.Answer noDate = admin.post("/api/v1/events/" + event + "/copy", json());
        ApiClient.Answer badDate = admin.post("/api/v1/events/" + event + "/copy", json("startsAt", "next month"));

        assertThat(badNumbering.status()).isEqualTo(400);
        assertThat(badNumbering.text("message") + badNumbering.body()).contains("{n}");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("label")).isEqualTo("#1");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).contains("#1");
        assertThat(noDate.status()).isEqualTo(400);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(outsider.post("/api/v1/events/" + event + "/copy", json("startsAt", "2099-04-09T19:00:00+09:00"))
                .status()).isEqualTo(404);
        assertThat(outsider.put("/api/v1/events/" + other + "/series", json("series", seriesId)).status())
                .isEqualTo(404);
        assertThat(outsider.get("/api/v1/communities/series-refused-c/series").status()).isEqualTo(404);
        assertThat(anyone.post("/api/v1/events/" + event + "/copy", json("startsAt", "2099-04-09T19:00:00+09:00"))
                .status()).isEqualTo(401);
        assertThat(anyone.get("/c/series-outsider-c/series/" + seriesId).status()).isEqualTo(404);
    }
}
