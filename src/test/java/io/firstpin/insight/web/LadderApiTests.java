package io.firstpin.insight.web;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.attendee.Attendees;
import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.insight.LadderHistory;
import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The ladder call of api.md over real HTTP, on {@link LadderHistory}. */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "firstpin.bootstrap-token=" + BOOTSTRAP)
class LadderApiTests {

    @LocalServerPort
    int port;
    @Autowired
    Communities communities;

    @Autowired
    Attendees attendees;

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    DSLContext db;

    ApiClient instanceAdmin;
    ApiClient admin;
    String org;
    LadderHistory story;

    @BeforeEach
    void aCommunityWhoseLadderIsKnown() {
        instanceAdmin = new ApiClient(port, BOOTSTRAP);
        org = "ladder-api-" + System.nanoTime();
        admin = instanceAdmin.foundOrganization(org);
        admin.post("/api/v1/organizations/" + org + "/communities",
                ApiClient.json("slug", org + "-tokyo", "name", "JAWS-UG 東京"));
        Community tokyo = communities.findBySlug(org + "-tokyo").orElseThrow();
        story = new LadderHistory(db, communities, events, tokyo);
    }

    private String ladder(String query) {
        return "/api/v1/communities/" + org + "-tokyo/ladder" + query;
    }

    @Test
    void theLadderOfTheTreeHasEveryStepAndTheReadyLists() {
        ApiClient.Answer answer = admin.get(ladder("?from=2025-01-01&to=2025-12-31&includeBranches=true"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.path("community").asString()).isEqualTo(org + "-tokyo");
        assertThat(body.path("from").asString()).isEqualTo("2025-01-01");
        assertThat(body.path("to").asString()).isEqualTo("2025-12-31");
        assertThat(body.path("includeBranches").asBoolean()).isTrue();
        JsonNode steps = body.path("steps");
        assertThat(steps.size()).isEqualTo(6);
        JsonNode attendees = steps.get(0);
        assertThat(attendees.path("step").asString()).isEqualTo("attendee");
        assertThat(attendees.path("members").asInt()).isEqualTo(5);
        assertThat(attendees.path("reachedInPeriod").asInt()).isEqualTo(3);
        assertThat(attendees.path("staff").asInt()).isEqualTo(1);
        assertThat(attendees.path("conversionFromPrevious").isNull()).isTrue();
        assertThat(attendees.path("medianDaysFromPrevious").isNull()).isTrue();
        JsonNode repeaters = steps.get(1);
        assertThat(repeaters.path("step").asString()).isEqualTo("repeater");
        assertThat(repeaters.path("conversionFromPrevious").asDouble()).isEqualTo(0.8);
        assertThat(repeaters.path("medianDaysFromPrevious").asDouble()).isEqualTo(90.5);
        assertThat(steps.get(5).path("step").asString()).isEqualTo("organizer");

        JsonNode ready = body.path("ready").get(0);
        assertThat(ready.path("step").asString()).isEqualTo("repeater");
        assertThat(ready.path("next").asString()).isEqualTo("output_author");
        assertThat(ready.path("total").asInt()).isEqualTo(2);
        JsonNode first = ready.path("members").get(0);
        assertThat(first.path("id").asLong()).isEqualTo(story.b);
        assertThat(first.path("displayName").asString()).isEqualTo("B");
        assertThat(first.path("eventsAttended").asInt()).isEqualTo(4);
        assertThat(first.path("lastActiveOn").asString()).isEqualTo("2025-09-10");
        assertThat(first.has("email")).isFalse();
    }

    @Test
    void withoutBranchesOnlyTheCommunitysOwnEventsCount() {
        JsonNode steps = admin.get(ladder("?from=2025-01-01&to=2025-12-31")).json().path("steps");

        assertThat(steps.get(0).path("members").asInt()).isEqualTo(4);
        assertThat(steps.get(4).path("members").asInt()).isZero();
    }

    @Test
    void aBadPeriodIsRefusedWith400NamingTheField() {
        ApiClient.Answer notADate = admin.get(ladder("?from=2025-13-01"));
        ApiClient.Answer reversed = admin.get(ladder("?from=2025-12-31&to=2025-01-01"));

        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.json().path("details").get(0).path("field").asString()).isEqualTo("from");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().path("details").get(0).path("field").asString()).isEqualTo("to");
    }

    @Test
    void anotherOrganizationGets404AndCallersWithoutAValidTokenGet401() {
        ApiClient other = instanceAdmin.foundOrganization(org + "-other");

        assertThat(other.get(ladder("")).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/communities/no-such-community/ladder").status()).isEqualTo(404);
        assertThat(admin.anonymous().get(ladder("")).status()).isEqualTo(401);
        assertThat(admin.withToken("not-a-token").get(ladder("")).status()).isEqualTo(401);
    }
}
