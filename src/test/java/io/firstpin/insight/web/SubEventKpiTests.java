package io.firstpin.insight.web;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.registration.Applicant;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** An after-party held as a sub-event is part of its study session's evening, not a second study session. */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "firstpin.bootstrap-token=" + BOOTSTRAP)
class SubEventKpiTests {

    @LocalServerPort
    int port;

    private static long event(ApiClient admin, String title, String startsAt, Long parent) {
        return admin.post("/api/v1/communities/kpi-sub-c/events", json("title", title, "startsAt", startsAt,
                "online", true, "parentEvent", parent)).json().path("id").asLong();
    }

    @Autowired
    Registrations registrations;

    /** Registered by staff, so that one email is one member across the evening (a public form's is provisional). */
    private void register(long eventId, String who) {
        registrations.register(eventId, null, new Applicant(who, who + "@example.com", Locale.JAPANESE));
    }

    @Test
    void theAfterPartyCountsNeitherAsAnEventNorAsThePreviousOneForNewcomersAndReturns() {
        ApiClient admin = new ApiClient(port, BOOTSTRAP).foundOrganization("kpi-sub");
        admin.post("/api/v1/organizations/kpi-sub/communities", json("slug", "kpi-sub-c", "name", "Sub KPIs"));
        long june = event(admin, "6月の勉強会", "2030-06-01T19:00:00+09:00", null);
        long party = event(admin, "6月の懇親会", "2030-06-01T21:15:00+09:00", june);
        long july = event(admin, "7月の勉強会", "2030-07-01T19:00:00+09:00", null);
        register(june, "aoi");
        register(june, "ban");
        register(party, "aoi");
        register(july, "aoi");
        register(july, "chika");

        JsonNode kpis = admin.get("/api/v1/communities/kpi-sub-c/kpis?from=2030-06-01&to=2030-07-31").json();

        assertThat(kpis.path("events").asInt()).isEqualTo(2);
        assertThat(kpis.path("perEvent")).extracting(e -> e.path("id").asLong()).containsExactly(june, july);
        JsonNode second = kpis.path("perEvent").get(1);
        assertThat(second.path("newcomers").asInt()).isEqualTo(1);
        assertThat(second.path("returningFromPrevious").asInt()).isEqualTo(1);
        assertThat(second.path("returnRate").asDouble()).isEqualTo(0.5);
        assertThat(kpis.path("uniqueParticipants").asInt()).isEqualTo(3);
        assertThat(kpis.path("repeaters").asInt()).isEqualTo(1);
        // the after-party's own seats stay apart, on its own event
        assertThat(admin.get("/api/v1/events/" + party).json().path("frames").get(0).path("confirmed").asInt())
                .isEqualTo(1);
    }
}
