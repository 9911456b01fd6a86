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

/** Sub-events (サブイベント) such as the 懇親会, created with {@code parentEvent} and listed with it. */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "firstpin.bootstrap-token=" + BOOTSTRAP)
class SubEventApiTests {

    @LocalServerPort
    int port;

    ApiClient instanceAdmin;

    @BeforeEach
    void connect() {
        instanceAdmin = new ApiClient(port, BOOTSTRAP);
    }

    private ApiClient organizationWithCommunity(String org, String community) {
        ApiClient admin = instanceAdmin.foundOrganization(org);
        assertThat(admin.post("/api/v1/organizations/" + org + "/communities", json("slug", community,
                "name", community)).status()).isEqualTo(201);
        return admin;
    }

    private static long studySession(ApiClient admin, String community) {
        ApiClient.Answer created = admin.post("/api/v1/communities/" + community + "/events",
                json("title", "勉強会", "startsAt", "2030-06-01T19:00:00+09:00"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private static ApiClient.Answer afterParty(ApiClient admin, String community, Object parent) {
        return admin.post("/api/v1/communities/" + community + "/events", json("title", "懇親会",
                "startsAt", "2030-06-01T21:15:00+09:00", "kind", "after_party", "parentEvent", parent,
                "frames", List.of(Map.of("name", "懇親会枠", "capacity", 20))));
    }

    @Test
    void anAfterPartyIsCreatedUnderItsStudySessionAndListedWithItsParent() {
        ApiClient admin = organizationWithCommunity("sub-org", "sub-c");
        long parent = studySession(admin, "sub-c");

        ApiClient.Answer created = afterParty(admin, "sub-c", parent);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("parentEvent").asLong()).isEqualTo(parent);
        JsonNode listed = admin.get("/api/v1/communities/sub-c/events").json();
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).path("id").asLong()).isEqualTo(parent);
        assertThat(listed.get(0).has("parentEvent")).isTrue();
        assertThat(listed.get(0).path("parentEvent").isNull()).isTrue();
        assertThat(listed.get(1).path("parentEvent").asLong()).isEqualTo(parent);
        assertThat(admin.get("/api/v1/events/" + created.json().path("id").asLong()).json().path("parentEvent")
                .asLong()).isEqualTo(parent);
    }

    @Test
    void anUnknownParentOrOneOfAnotherOrganizationIsRefusedOnTheFieldAndNothingIsCreated() {
        ApiClient admin = organizationWithCommunity("sub-own", "sub-own-c");
        ApiClient other = organizationWithCommunity("sub-other", "sub-other-c");
        long othersEvent = studySession(other, "sub-other-c");

        ApiClient.Answer foreign = afterParty(admin, "sub-own-c", othersEvent);
        ApiClient.Answer unknown = afterParty(admin, "sub-own-c", 987654321L);

        for (ApiClient.Answer refused : List.of(foreign, unknown)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().path("details").get(0).path("field").asString()).isEqualTo("parentEvent");
        }
        // another organization's event is answered like an unknown one, so that its ids tell nothing
        assertThat(foreign.text("message")).doesNotContain("勉強会");
        assertThat(admin.get("/api/v1/communities/sub-own-c/events").json()).isEmpty();
    }

    @Test
    void aSubEventOfASubEventAndAParentInAnotherCommunityAreRefused() {
        ApiClient admin = organizationWithCommunity("sub-nest", "sub-nest-c");
        assertThat(admin.post("/api/v1/organizations/sub-nest/communities", json("slug", "sub-nest-b",
                "name", "Branch", "parent", "sub-nest-c")).status()).isEqualTo(201);
        long parent = studySession(admin, "sub-nest-c");
        long party = afterParty(admin, "sub-nest-c", parent).json().path("id").asLong();

        ApiClient.Answer nested = afterParty(admin, "sub-nest-c", party);
        ApiClient.Answer elsewhere = afterParty(admin, "sub-nest-b", parent);

        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.json().path("details").get(0).path("field").asString()).isEqualTo("parentEvent");
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.json().path("details").get(0).path("field").asString()).isEqualTo("parentEvent");
        assertThat(admin.get("/api/v1/communities/sub-nest-c/events?includeBranches=true").json()).hasSize(2);
    }

    @Test
    void anEventWithASubEventIsNotDeletedUntilItsSubEventIsAndTheRefusalNamesIt() {
        ApiClient admin = organizationWithCommunity("sub-delete", "sub-delete-c");
        long parent = studySession(admin, "sub-delete-c");
        long party = afterParty(admin, "sub-delete-c", parent).json().path("id").asLong();

        ApiClient.Answer refused = admin.delete("/api/v1/events/" + parent);
        ApiClient.Answer refusedInJapanese = admin.withHeader("Accept-Language", "ja")
                .delete("/api/v1/events/" + parent);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.text("message")).contains("This event has sub-events (懇親会)");
        assertThat(refusedInJapanese.status()).isEqualTo(409);
        assertThat(refusedInJapanese.text("message")).contains("サブイベント (懇親会) があるため削除できません");
        assertThat(admin.get("/api/v1/events/" + parent).status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/events/" + party).status()).isEqualTo(200);

        assertThat(admin.delete("/api/v1/events/" + party).status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/events/" + parent).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/events/" + parent).status()).isEqualTo(404);
    }
}
