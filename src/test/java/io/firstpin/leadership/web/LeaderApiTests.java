package io.firstpin.leadership.web;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.testing.CommunityHistory;
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

/**
 * The leader calls over real HTTP, and the leader fields of the KPI call. History: a volunteer organizer Vera from
 * 2025-01-01 and, on 2025-03-10, an event where staff member Sam organizes with her; on 2025-02-10 an event of hers alone.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "firstpin.bootstrap-token=" + BOOTSTRAP)
class LeaderApiTests {

    @LocalServerPort
    int port;
    @Autowired
    Communities communities;


    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    DSLContext db;

    ApiClient instanceAdmin;
    ApiClient admin;
    String org;
    String leaders;
    long vera;
    long sam;

    @BeforeEach
    void aCommunityWithTwoEvents() {
        instanceAdmin = new ApiClient(port, BOOTSTRAP);
        org = "leader-api-" + System.nanoTime();
        admin = instanceAdmin.foundOrganization(org);
        admin.post("/api/v1/organizations/" + org + "/communities", json("slug", org + "-c", "name", "JAWS-UG 仙台"));
        Community community = communities.findBySlug(org + "-c").orElseThrow();
        CommunityHistory history = new CommunityHistory(db, communities, events, community);
        vera = history.member("Vera");
        sam = history.staffMember("Sam");
        long guest = history.member("Guest");
        history.eventAt("2025-02-10T19:00", "JP-04", "仙台市").checkedIn(vera, guest);
        history.eventAt("2025-03-10T19:00", "JP-04", "仙台市").checkedIn(vera, guest, sam);
        leaders = "/api/v1/communities/" + org + "-c/leaders";
    }

    @Test
    void leadersAreAppointedListedAndSteppedDown() {
        ApiClient.Answer appointed = admin.post(leaders, json("memberId", vera, "startedOn", "2025-01-01"));
        ApiClient.Answer staff = admin.post(leaders,
                json("memberId", sam, "startedOn", "2025-03-01", "endedOn", "2025-03-31"));
        long id = appointed.json().path("id").asLong();
        ApiClient.Answer stepped = admin.post(leaders + "/" + id + "/step-down", json("endedOn", "2025-12-31"));
        JsonNode list = admin.get(leaders).json();

        assertThat(appointed.status()).isEqualTo(201);
        assertThat(appointed.json().path("displayName").asString()).isEqualTo("Vera");
        assertThat(appointed.json().path("active").asBoolean()).isTrue();
        assertThat(staff.json().path("staff").asBoolean()).isTrue();
        assertThat(stepped.status()).isEqualTo(200);
        assertThat(stepped.json().path("endedOn").asString()).isEqualTo("2025-12-31");
        assertThat(stepped.json().path("tenureDays").asLong()).isEqualTo(364);
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(0).path("displayName").asString()).isEqualTo("Sam");
    }

    @Test
    void anOverlappingRoleIs409AndABadDateOrMissingMemberIs400() {
        admin.post(leaders, json("memberId", vera, "startedOn", "2025-01-01"));

        ApiClient.Answer overlap = admin.post(leaders, json("memberId", vera, "startedOn", "2025-06-01"));
        ApiClient.Answer reversed = admin.post(leaders,
                json("memberId", sam, "startedOn", "2025-06-01", "endedOn", "2025-05-01"));
        ApiClient.Answer noMember = admin.post(leaders, json("startedOn", "2025-06-01"));
        ApiClient.Answer badDate = admin.post(leaders, json("memberId", sam, "startedOn", "2025-13-01"));

        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.json().path("details").get(0).path("field").asString()).isEqualTo("memberId");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().path("details").get(0).path("field").asString()).isEqualTo("endedOn");
        assertThat(noMember.status()).isEqualTo(400);
        assertThat(badDate.status()).isEqualTo(400);
    }

    @Test
    void anotherOrganizationGets404ForTheCommunityAndItsMembers() {
        String otherOrg = "leader-api-other-" + System.nanoTime();
        ApiClient other = instanceAdmin.foundOrganization(otherOrg);
        admin.post(leaders, json("memberId", vera, "startedOn", "2025-01-01"));
        other.post("/api/v1/organizations/" + otherOrg + "/communities", json("slug", otherOrg + "-c", "name", "X"));

        assertThat(other.get(leaders).status()).isEqualTo(404);
        assertThat(other.post(leaders, json("memberId", vera, "startedOn", "2025-01-01")).status()).isEqualTo(404);
        assertThat(other.post("/api/v1/communities/" + otherOrg + "-c/leaders",
                json("memberId", vera, "startedOn", "2025-01-01")).status()).isEqualTo(404);
        assertThat(admin.anonymous().get(leaders).status()).isEqualTo(401);
    }

    @Test
    void theKpiCallAddsTheLeaderBenchAndTheSelfRunningIndex() {
        admin.post(leaders, json("memberId", vera, "startedOn", "2025-01-01"));
        admin.post(leaders, json("memberId", sam, "startedOn", "2025-03-01", "endedOn", "2025-03-31"));

        JsonNode body = admin.get("/api/v1/communities/" + org + "-c/kpis?from=2025-01-01&to=2025-12-31").json();

        assertThat(body.path("uniqueParticipants").asInt()).isEqualTo(2);
        assertThat(body.path("activeLeaders").asInt()).isEqualTo(1);
        assertThat(body.path("leaderTarget").asInt()).isEqualTo(3);
        assertThat(body.path("leaderBench").asString()).isEqualTo("one_person_operation");
        assertThat(body.path("leaderRotationsPerYear").asDouble()).isEqualTo(3.0);
        assertThat(body.path("selfRunningIndex").asDouble()).isEqualTo(0.5);
        assertThat(body.path("selfRunEvents").asInt()).isEqualTo(1);
        assertThat(body.path("staffRunEvents").asInt()).isEqualTo(1);
        assertThat(body.path("unknownOrganizerEvents").asInt()).isZero();
        assertThat(body.path("selfRunningPerQuarter").get(0).path("quarter").asString()).isEqualTo("2025-Q1");
        assertThat(body.path("selfRunningPerQuarter").get(1).path("index").isNull()).isTrue();
    }
}
