package io.firstpin.member.web;

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

@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "firstpin.bootstrap-token=" + BOOTSTRAP)
class MemberMergeApiTests {

    @LocalServerPort
    int port;

    ApiClient admin;

    @BeforeEach
    void connect() {
        admin = new ApiClient(port, BOOTSTRAP);
    }

    private static long register(ApiClient client, String org, String name, String kind, String value) {
        return client.post("/api/v1/organizations/" + org + "/members", json("displayName", name,
                "identities", List.of(Map.of("kind", kind, "value", value)))).json().path("id").asLong();
    }

    @Test
    void suggestionsAreListedThenMergedAndTheMergeUndone() {
        ApiClient client = admin.foundOrganization("api-merge");
        long taro = register(client, "api-merge", "山田 太郎", "connpass", "taro_y");
        long again = register(client, "api-merge", "山田太郎", "meetup", "https://www.meetup.com/members/201/");
        register(client, "api-merge", "山田 太郎 ", "email", "taro_y@example.com");
        String base = "/api/v1/organizations/api-merge";

        ApiClient.Answer suggested = client.get(base + "/merge-suggestions");
        ApiClient.Answer merged = client.post(base + "/members/" + taro + "/merges", json("from", again));
        long mergeId = merged.json().path("id").asLong();
        ApiClient.Answer twice = client.post(base + "/members/" + taro + "/merges", json("from", again));
        ApiClient.Answer byMeetup = client.get(base + "/members?identity=201");
        ApiClient.Answer undone = client.post(base + "/members/" + taro + "/merges/" + mergeId + "/undo", "{}");
        ApiClient.Answer undoneTwice = client.post(base + "/members/" + taro + "/merges/" + mergeId + "/undo", "{}");

        assertThat(suggested.status()).isEqualTo(200);
        assertThat(suggested.json().size()).isEqualTo(1);
        assertThat(suggested.json().get(0).path("first").path("id").asLong()).isEqualTo(taro);
        assertThat(suggested.json().get(0).path("reasons").get(0).asString()).isEqualTo("shared_handle");
        assertThat(merged.status()).isEqualTo(201);
        assertThat(merged.json().path("into").asLong()).isEqualTo(taro);
        assertThat(merged.json().path("from").asLong()).isEqualTo(again);
        assertThat(merged.json().path("changes").asInt()).isEqualTo(1);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("error")).isEqualTo("conflict");
        assertThat(byMeetup.json().get(0).path("id").asLong()).isEqualTo(taro);
        assertThat(undone.status()).isEqualTo(200);
        assertThat(undone.json().path("undoneAt").isNull()).isFalse();
        assertThat(undoneTwice.status()).isEqualTo(409);
        assertThat(client.get(base + "/members?identity=201").json().get(0).path("id").asLong()).isEqualTo(again);
    }

    @Test
    void aDismissedSuggestionIsGoneAndBadRequestsAreExplained() {
        ApiClient client = admin.foundOrganization("api-dismiss");
        long taro = register(client, "api-dismiss", "Taro", "connpass", "taro_y");
        long again = register(client, "api-dismiss", "taro", "github", "taro_y");
        String base = "/api/v1/organizations/api-dismiss";

        ApiClient.Answer dismissed = client.post(base + "/merge-suggestions/dismissals",
                json("memberId", taro, "otherMemberId", again));
        ApiClient.Answer itself = client.post(base + "/members/" + taro + "/merges", json("from", taro));
        ApiClient.Answer noFrom = client.post(base + "/members/" + taro + "/merges", "{}");

        assertThat(dismissed.status()).isEqualTo(204);
        assertThat(client.get(base + "/merge-suggestions").json().size()).isZero();
        assertThat(itself.status()).isEqualTo(400);
        assertThat(noFrom.status()).isEqualTo(400);
    }

    @Test
    void anotherOrganizationsMembersAndMergesAreNotFound() {
        ApiClient mine = admin.foundOrganization("api-merge-mine");
        ApiClient theirs = admin.foundOrganization("api-merge-theirs");
        long own = register(mine, "api-merge-mine", "Taro", "connpass", "taro_y");
        long ownAgain = register(mine, "api-merge-mine", "Taro", "github", "taro_y");
        long their = register(theirs, "api-merge-theirs", "Taro", "x", "taro_y");
        long mergeId = mine.post("/api/v1/organizations/api-merge-mine/members/" + own + "/merges",
                json("from", ownAgain)).json().path("id").asLong();

        int theirMember = mine.post("/api/v1/organizations/api-merge-mine/members/" + own + "/merges",
                json("from", their)).status();
        int theirOrganization = mine.get("/api/v1/organizations/api-merge-theirs/merge-suggestions").status();
        int theirUndo = theirs.post("/api/v1/organizations/api-merge-theirs/members/" + own + "/merges/" + mergeId
                + "/undo", "{}").status();

        assertThat(List.of(theirMember, theirOrganization, theirUndo)).containsOnly(404);
    }
}
