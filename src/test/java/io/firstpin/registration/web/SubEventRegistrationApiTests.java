package io.firstpin.registration.web;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.platform.ConflictException;
import io.firstpin.registration.Applicant;
import io.firstpin.registration.RegistrationStatus;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A sub-event (the 懇親会) takes only people confirmed for its parent, and loses them with their parent seat. */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "firstpin.bootstrap-token=" + BOOTSTRAP)
class SubEventRegistrationApiTests {

    @LocalServerPort
    int port;

    @Autowired
    Registrations registrations;

    ApiClient instanceAdmin;
    ApiClient anyone;

    @BeforeEach
    void connect() {
        instanceAdmin = new ApiClient(port, BOOTSTRAP);
        anyone = instanceAdmin.anonymous();
    }

    /** A study session with {@code seats} seats and its after-party with {@code partySeats}. */
    private Evening evening(String org, int seats, int partySeats) {
        ApiClient admin = instanceAdmin.foundOrganization(org);
        admin.post("/api/v1/organizations/" + org + "/communities", json("slug", org + "-c", "name", "Community"));
        long session = admin.post("/api/v1/communities/" + org + "-c/events", json("title", "JAWS-UG 勉強会",
                "startsAt", "2030-06-01T19:00:00+09:00",
                "frames", List.of(Map.of("name", "一般枠", "capacity", seats))))
                .json().path("id").asLong();
        long party = admin.post("/api/v1/communities/" + org + "-c/events", json("title", "懇親会",
                "startsAt", "2030-06-01T21:15:00+09:00", "kind", "after_party", "parentEvent", session,
                "frames", List.of(Map.of("name", "懇親会枠", "capacity", partySeats))))
                .json().path("id").asLong();
        return new Evening(admin, session, party);
    }

    private ApiClient.Answer register(long eventId, String name, String email) {
        return anyone.post("/api/v1/events/" + eventId + "/registrations", json("name", name, "email", email));
    }

    private Map<String, JsonNode> byEmail(Evening evening, long eventId) {
        Map<String, JsonNode> found = new HashMap<>();
        evening.admin().get("/api/v1/events/" + eventId + "/registrations").json()
                .forEach(r -> found.put(r.path("email").asString(), r));
        return found;
    }

    @Test
    void onlySomeoneConfirmedForTheStudySessionWithTheSameEmailMayRegisterForItsAfterParty() {
        Evening evening = evening("sub-only", 1, 10);
        register(evening.session(), "Hanako", "hanako@example.com");
        assertThat(register(evening.session(), "Waiting", "waiting@example.com").text("status"))
                .isEqualTo("waitlisted");

        ApiClient.Answer stranger = register(evening.party(), "Stranger", "stranger@example.com");
        ApiClient.Answer waiting = register(evening.party(), "Waiting", "waiting@example.com");
        ApiClient.Answer seated = register(evening.party(), "Hanako", "HANAKO@example.com");

        assertThat(stranger.status()).isEqualTo(409);
        assertThat(stranger.json().path("details").get(0).path("field").asString()).isEqualTo("email");
        assertThat(stranger.text("message")).contains("JAWS-UG 勉強会");
        assertThat(waiting.status()).isEqualTo(409);
        assertThat(seated.status()).as(seated.toString()).isEqualTo(201);
        assertThat(seated.text("status")).isEqualTo("confirmed");
        assertThat(byEmail(evening, evening.party())).containsOnlyKeys("HANAKO@example.com");
    }

    @Test
    void staffRegisteringAWalkInForTheAfterPartyAreHeldToTheSameRule() {
        Evening evening = evening("sub-staff", 5, 5);
        Applicant walkIn = new Applicant("Walk-in", "walkin@example.com", Locale.JAPANESE);

        assertThatThrownBy(() -> registrations.register(evening.party(), null, walkIn))
                .isInstanceOf(ConflictException.class);
        registrations.register(evening.session(), null, walkIn);
        assertThat(registrations.register(evening.party(), null, walkIn).registration().status())
                .isEqualTo(RegistrationStatus.CONFIRMED);
    }

    @Test
    void cancellingTheStudySessionCancelsTheAfterPartySeatAndTheNextInLineGetsIt() {
        Evening evening = evening("sub-cascade", 10, 1);
        JsonNode first = register(evening.session(), "First", "first@example.com").json();
        register(evening.session(), "Second", "second@example.com");
        assertThat(register(evening.party(), "First", "first@example.com").text("status")).isEqualTo("confirmed");
        assertThat(register(evening.party(), "Second", "second@example.com").text("status")).isEqualTo("waitlisted");

        ApiClient.Answer cancelled = anyone.withHeader("X-Manage-Token", first.path("manageToken").asString())
                .delete("/api/v1/registrations/" + first.path("id").asLong());

        assertThat(cancelled.status()).isEqualTo(204);
        Map<String, JsonNode> party = byEmail(evening, evening.party());
        assertThat(party.get("first@example.com").path("status").asString()).isEqualTo("cancelled");
        assertThat(party.get("second@example.com").path("status").asString()).isEqualTo("confirmed");
        assertThat(byEmail(evening, evening.session()).get("second@example.com").path("status").asString())
                .isEqualTo("confirmed");
        assertThat(register(evening.party(), "First", "first@example.com").status()).isEqualTo(409);
    }

    @Test
    void staffCancellingTheStudySessionSeatCancelsTheAfterPartySeatToo() {
        Evening evening = evening("sub-staff-cancel", 10, 10);
        long seat = register(evening.session(), "Taro", "taro@example.com").json().path("id").asLong();
        register(evening.party(), "Taro", "taro@example.com");
        register(evening.session(), "Jiro", "jiro@example.com");
        register(evening.party(), "Jiro", "jiro@example.com");

        assertThat(evening.admin().delete("/api/v1/registrations/" + seat).status()).isEqualTo(204);

        Map<String, JsonNode> party = byEmail(evening, evening.party());
        assertThat(party.get("taro@example.com").path("status").asString()).isEqualTo("cancelled");
        assertThat(party.get("jiro@example.com").path("status").asString()).isEqualTo("confirmed");
    }

    @Test
    void cancellingTheAfterPartyAloneKeepsTheStudySessionSeat() {
        Evening evening = evening("sub-alone", 10, 10);
        register(evening.session(), "Taro", "taro@example.com");
        JsonNode party = register(evening.party(), "Taro", "taro@example.com").json();

        anyone.withHeader("X-Manage-Token", party.path("manageToken").asString())
                .delete("/api/v1/registrations/" + party.path("id").asLong());

        assertThat(byEmail(evening, evening.session()).get("taro@example.com").path("status").asString())
                .isEqualTo("confirmed");
    }

    private record Evening(ApiClient admin, long session, long party) {
    }
}
