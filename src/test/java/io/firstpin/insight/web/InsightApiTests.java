package io.firstpin.insight.web;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The KPI call of docs/api.md over real HTTP. History: 東京 on 2025-01-15 (A and B checked in, staff S too, C confirmed but
 * absent, D waitlisted) and its branch 大阪 on 2025-02-20 (no check-ins: A and E confirmed, F cancelled).
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "firstpin.bootstrap-token=" + BOOTSTRAP)
class InsightApiTests {

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
    long tokyoEvent;
    long osakaEvent;

    @BeforeEach
    void aCommunityWithABranchAndOneEventEach() {
        instanceAdmin = new ApiClient(port, BOOTSTRAP);
        org = "kpi-api-" + System.nanoTime();
        admin = instanceAdmin.foundOrganization(org);
        admin.post("/api/v1/organizations/" + org + "/communities", json("slug", org + "-tokyo", "name", "JAWS-UG 東京"));
        admin.post("/api/v1/organizations/" + org + "/communities",
                json("slug", org + "-osaka", "name", "JAWS-UG 大阪", "parent", org + "-tokyo"));
        Community tokyo = communities.findBySlug(org + "-tokyo").orElseThrow();
        Community osaka = communities.findBySlug(org + "-osaka").orElseThrow();
        CommunityHistory history = new CommunityHistory(db, communities, events, tokyo);
        long a = history.member("A");
        long b = history.member("B");
        long c = history.member("C");
        long d = history.member("D");
        long e = history.member("E");
        long f = history.member("F");
        long staff = history.staffMember("S");
        tokyoEvent = history.eventAt("2025-01-15T19:00", "JP-13", "渋谷区").checkedIn(a, b, staff).confirmed(c)
                .waitlisted(d).id();
        osakaEvent = history.eventOf(osaka, "2025-02-20T19:00", "JP-27", "大阪市").confirmed(a, e).cancelled(f).id();
    }

    private String kpis(String query) {
        return "/api/v1/communities/" + org + "-tokyo/kpis" + query;
    }

    @Test
    void theKpisOfACommunityWithItsBranchesAreExactlyThoseOfTheHistory() {
        ApiClient.Answer answer = admin.get(kpis("?from=2025-01-01&to=2025-12-31&includeBranches=true"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.path("community").asString()).isEqualTo(org + "-tokyo");
        assertThat(body.path("from").asString()).isEqualTo("2025-01-01");
        assertThat(body.path("to").asString()).isEqualTo("2025-12-31");
        assertThat(body.path("events").asInt()).isEqualTo(2);
        assertThat(body.path("uniqueParticipants").asInt()).isEqualTo(3);
        assertThat(body.path("repeaters").asInt()).isEqualTo(1);
        assertThat(body.path("staffParticipants").asInt()).isEqualTo(1);
        assertThat(body.has("outputs")).isTrue();
        assertThat(body.path("outputs").asInt()).isZero();

        JsonNode first = body.path("perEvent").get(0);
        assertThat(first.path("id").asLong()).isEqualTo(tokyoEvent);
        assertThat(first.path("title").asString()).isEqualTo("JAWS-UG 東京 2025-01-15T19:00");
        assertThat(first.path("startsAt").asString()).isEqualTo("2025-01-15T19:00:00+09:00");
        assertThat(first.path("attendees").asInt()).isEqualTo(2);
        assertThat(first.path("attendanceBy").asString()).isEqualTo("checkin");
        assertThat(first.path("newcomers").asInt()).isEqualTo(2);
        assertThat(first.path("newcomerRatio").asDouble()).isEqualTo(1.0);
        assertThat(first.path("returningFromPrevious").isNull()).isTrue();
        assertThat(first.path("returnRate").isNull()).isTrue();
        assertThat(first.path("noShowRate").asDouble()).isEqualTo(0.25);
        assertThat(first.path("staffAttendees").asInt()).isEqualTo(1);
        assertThat(first.has("outputs")).isTrue();
        assertThat(first.has("outputAuthors")).isTrue();

        JsonNode second = body.path("perEvent").get(1);
        assertThat(second.path("id").asLong()).isEqualTo(osakaEvent);
        assertThat(second.path("community").asString()).isEqualTo(org + "-osaka");
        assertThat(second.path("attendanceBy").asString()).isEqualTo("registration");
        assertThat(second.path("attendees").asInt()).isEqualTo(2);
        assertThat(second.path("newcomers").asInt()).isEqualTo(1);
        assertThat(second.path("newcomerRatio").asDouble()).isEqualTo(0.5);
        assertThat(second.path("returningFromPrevious").asInt()).isEqualTo(1);
        assertThat(second.path("returnRate").asDouble()).isEqualTo(0.5);
        assertThat(second.path("noShowRate").isNull()).isTrue();

        assertThat(body.path("cohorts").get(0).path("month").asString()).isEqualTo("2025-01");
        assertThat(body.path("cohorts").get(0).path("retention").get(1).path("share").asDouble()).isEqualTo(0.5);
        assertThat(body.path("footprint").path("prefectures").toString()).isEqualTo("[\"JP-13\",\"JP-27\"]");
    }

    @Test
    void withoutBranchesOnlyTheCommunitysOwnEventsCount() {
        JsonNode body = admin.get(kpis("?from=2025-01-01&to=2025-12-31")).json();

        assertThat(body.path("includeBranches").asBoolean()).isFalse();
        assertThat(body.path("events").asInt()).isEqualTo(1);
        assertThat(body.path("uniqueParticipants").asInt()).isEqualTo(2);
        assertThat(body.path("repeaters").asInt()).isZero();
    }

    @Test
    void withoutDatesThePeriodIsTheLastTwelveMonthsInTheCommunitysTimeZone() {
        JsonNode body = admin.get(kpis("")).json();

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        assertThat(body.path("to").asString()).isEqualTo(today.toString());
        assertThat(body.path("from").asString()).isEqualTo(today.minusYears(1).plusDays(1).toString());
    }

    @Test
    void badDatesAreRefusedWith400NamingTheField() {
        ApiClient.Answer notADate = admin.get(kpis("?from=2025-02-30&to=2025-12-31"));
        ApiClient.Answer reversed = admin.get(kpis("?from=2025-12-31&to=2025-01-01"));
        ApiClient.Answer notABoolean = admin.get(kpis("?includeBranches=maybe"));

        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.text("error")).isEqualTo("validation_failed");
        assertThat(notADate.json().path("details").get(0).path("field").asString()).isEqualTo("from");
        assertThat(notADate.text("message")).contains("2026-03-31");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.json().path("details").get(0).path("field").asString()).isEqualTo("to");
        assertThat(notABoolean.status()).isEqualTo(400);
    }

    @Test
    void anotherOrganizationGets404AndCallersWithoutAValidTokenGet401() {
        ApiClient other = instanceAdmin.foundOrganization(org + "-other");

        assertThat(other.get(kpis("")).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/communities/no-such-community/kpis").status()).isEqualTo(404);
        assertThat(admin.anonymous().get(kpis("")).status()).isEqualTo(401);
        assertThat(admin.withToken("not-a-token").get(kpis("")).status()).isEqualTo(401);
    }
}
