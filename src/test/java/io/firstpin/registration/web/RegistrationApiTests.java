package io.firstpin.registration.web;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.registration.Question;
import io.firstpin.registration.QuestionKind;
import io.firstpin.registration.Questionnaires;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "firstpin.bootstrap-token=" + BOOTSTRAP)
class RegistrationApiTests {

    @LocalServerPort
    int port;

    @Autowired
    Questionnaires questionnaires;
    @Autowired
    Registrations registrationService;

    ApiClient instanceAdmin;
    ApiClient anyone;

    @BeforeEach
    void connect() {
        instanceAdmin = new ApiClient(port, BOOTSTRAP);
        anyone = instanceAdmin.anonymous();
    }

    /** An organization with a community and an event whose frames are given as name → capacity. */
    private Fixture eventWithFrames(String org, Map<String, Integer> frames) {
        ApiClient admin = instanceAdmin.foundOrganization(org);
        admin.post("/api/v1/organizations/" + org + "/communities", json("slug", org + "-c", "name", "Community"));
        List<Map<String, Object>> framePlans = frames.entrySet().stream()
                .map(f -> Map.<String, Object>of("name", f.getKey(), "capacity", f.getValue()))
                .toList();
        JsonNode event = admin.post("/api/v1/communities/" + org + "-c/events", json("title", "勉強会",
                "startsAt", "2030-06-01T19:00:00+09:00", "online", true, "frames", framePlans)).json();
        return new Fixture(admin, event.path("id").asLong(), event.path("frames"));
    }

    private ApiClient.Answer register(long eventId, String name, String email, Object frame) {
        return anyone.post("/api/v1/events/" + eventId + "/registrations", json("name", name, "email", email, "frame", frame));
    }

    private ApiClient.Answer cancel(long registrationId, String manageToken) {
        return anyone.withHeader("X-Manage-Token", manageToken).delete("/api/v1/registrations/" + registrationId);
    }

    @Test
    void aRegistrationNeedsNoAccountAndIsConfirmedWhileSeatsAreFree() {
        Fixture fixture = eventWithFrames("reg-basic", Map.of("一般枠", 2));

        ApiClient.Answer answer = register(fixture.eventId(), "山田 太郎", "taro@example.com", "一般枠");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.text("status")).isEqualTo("confirmed");
        assertThat(answer.json().path("waitlistPosition").isNull()).isTrue();
        assertThat(answer.text("manageToken")).startsWith("r_");
        JsonNode event = fixture.admin().get("/api/v1/events/" + fixture.eventId()).json();
        assertThat(event.path("frames").get(0).path("confirmed").asInt()).isEqualTo(1);
    }

    @Test
    void theSameEmailTwiceForOneEventIsRefusedWith409() {
        Fixture fixture = eventWithFrames("reg-dup", Map.of("一般枠", 10));
        register(fixture.eventId(), "Taro", "taro@example.com", "一般枠");

        ApiClient.Answer again = register(fixture.eventId(), "Taro again", "TARO@example.com", "一般枠");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("details").get(0).path("field").asString()).isEqualTo("email");
    }

    @Test
    void whenTheFrameIsFullPeopleAreWaitlistedInOrderWithoutGaps() {
        Fixture fixture = eventWithFrames("reg-wait", Map.of("一般枠", 1));
        register(fixture.eventId(), "First", "first@example.com", "一般枠");

        List<Integer> positions = IntStream.rangeClosed(1, 3)
                .mapToObj(i -> register(fixture.eventId(), "Waiting " + i, "w" + i + "@example.com", "一般枠").json())
                .peek(json -> assertThat(json.path("status").asString()).isEqualTo("waitlisted"))
                .map(json -> json.path("waitlistPosition").asInt())
                .toList();

        assertThat(positions).containsExactly(1, 2, 3);
    }

    @Test
    void cancellingASeatConfirmsTheFirstWaitlistedAndTheOthersMoveUp() {
        Fixture fixture = eventWithFrames("reg-cancel", Map.of("一般枠", 1));
        JsonNode seated = register(fixture.eventId(), "Seated", "seated@example.com", "一般枠").json();
        long firstWaiting = register(fixture.eventId(), "W1", "w1@example.com", "一般枠").json().path("id").asLong();
        long secondWaiting = register(fixture.eventId(), "W2", "w2@example.com", "一般枠").json().path("id").asLong();

        ApiClient.Answer cancelled = cancel(seated.path("id").asLong(), seated.path("manageToken").asString());

        assertThat(cancelled.status()).isEqualTo(204);
        Map<Long, JsonNode> byId = listed(fixture);
        assertThat(byId.get(seated.path("id").asLong()).path("status").asString()).isEqualTo("cancelled");
        assertThat(byId.get(firstWaiting).path("status").asString()).isEqualTo("confirmed");
        assertThat(byId.get(secondWaiting).path("waitlistPosition").asInt()).isEqualTo(1);
    }

    @Test
    void aWrongManageTokenCancelsNothing() {
        Fixture fixture = eventWithFrames("reg-token", Map.of("一般枠", 5));
        long id = register(fixture.eventId(), "A", "a@example.com", "一般枠").json().path("id").asLong();
        String otherToken = register(fixture.eventId(), "B", "b@example.com", "一般枠").text("manageToken");

        assertThat(cancel(id, otherToken).status()).isEqualTo(404);
        assertThat(cancel(id, "r_guess").status()).isEqualTo(404);
        assertThat(anyone.delete("/api/v1/registrations/" + id).status()).isEqualTo(401);
        assertThat(listed(fixture).get(id).path("status").asString()).isEqualTo("confirmed");
    }

    @Test
    void someoneWhoCancelledMayRegisterAgainAndJoinsTheEndOfTheQueue() {
        Fixture fixture = eventWithFrames("reg-again", Map.of("一般枠", 1));
        JsonNode first = register(fixture.eventId(), "A", "a@example.com", "一般枠").json();
        register(fixture.eventId(), "B", "b@example.com", "一般枠");
        cancel(first.path("id").asLong(), first.path("manageToken").asString());

        ApiClient.Answer again = register(fixture.eventId(), "A", "a@example.com", "一般枠");

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("status")).isEqualTo("waitlisted");
        assertThat(again.json().path("waitlistPosition").asInt()).isEqualTo(1);
    }

    @Test
    void raisingACapacityConfirmsTheWaitingInOrder() {
        Fixture fixture = eventWithFrames("reg-raise", Map.of("一般枠", 1));
        register(fixture.eventId(), "Seated", "s@example.com", "一般枠");
        long w1 = register(fixture.eventId(), "W1", "w1@example.com", "一般枠").json().path("id").asLong();
        long w2 = register(fixture.eventId(), "W2", "w2@example.com", "一般枠").json().path("id").asLong();
        long w3 = register(fixture.eventId(), "W3", "w3@example.com", "一般枠").json().path("id").asLong();

        long frameId = fixture.frames().get(0).path("id").asLong();
        ApiClient.Answer promoted = fixture.admin().patch("/api/v1/frames/" + frameId, json("capacity", 3));

        assertThat(promoted.status()).isEqualTo(200);
        Map<Long, JsonNode> byId = listed(fixture);
        assertThat(byId.get(w1).path("status").asString()).isEqualTo("confirmed");
        assertThat(byId.get(w2).path("status").asString()).isEqualTo("confirmed");
        assertThat(byId.get(w3).path("waitlistPosition").asInt()).isEqualTo(1);
    }

    @Test
    void framesAreChosenByIdOrNameAndBadInputIsExplained() {
        Fixture fixture = eventWithFrames("reg-input", Map.of("一般枠", 5, "懇親会枠", 5));
        long afterParty = fixture.frames().get(1).path("id").asLong();

        assertThat(register(fixture.eventId(), "A", "a@example.com", afterParty).status()).isEqualTo(201);
        assertThat(register(fixture.eventId(), "B", "b@example.com", "懇親会枠").status()).isEqualTo(201);
        ApiClient.Answer unknownFrame = register(fixture.eventId(), "C", "c@example.com", "VIP枠");
        ApiClient.Answer badEmail = register(fixture.eventId(), "D", "not-an-email", "一般枠");
        ApiClient.Answer noName = register(fixture.eventId(), "", "e@example.com", "一般枠");
        ApiClient.Answer noEvent = register(999_999, "F", "f@example.com", "一般枠");

        assertThat(unknownFrame.status()).isEqualTo(400);
        assertThat(unknownFrame.json().path("details").get(0).path("field").asString()).isEqualTo("frame");
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.json().path("details").get(0).path("field").asString()).isEqualTo("email");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noEvent.status()).isEqualTo(404);
    }

    @Test
    void registrationClosesWhenTheEventHasEnded() {
        ApiClient admin = instanceAdmin.foundOrganization("reg-closed");
        admin.post("/api/v1/organizations/reg-closed/communities", json("slug", "reg-closed-c", "name", "C"));
        long past = admin.post("/api/v1/communities/reg-closed-c/events", json("title", "Past",
                "startsAt", "2020-01-01T19:00:00+09:00", "online", true)).json().path("id").asLong();

        ApiClient.Answer late = register(past, "Late", "late@example.com", null);

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("message")).contains("registrations");
    }

    @Test
    void staffCheckConfirmedRegistrantsInOnceButNotTheWaitlisted() {
        Fixture fixture = eventWithFrames("reg-checkin", Map.of("一般枠", 1));
        long seated = register(fixture.eventId(), "Seated", "s@example.com", "一般枠").json().path("id").asLong();
        long waiting = register(fixture.eventId(), "Waiting", "w@example.com", "一般枠").json().path("id").asLong();
        String path = "/api/v1/events/" + fixture.eventId() + "/checkins";

        ApiClient.Answer first = fixture.admin().post(path, json("registrationId", seated));
        ApiClient.Answer again = fixture.admin().post(path, json("registrationId", seated));
        ApiClient.Answer notSeated = fixture.admin().post(path, json("registrationId", waiting));
        ApiClient.Answer byAnyone = anyone.post(path, json("registrationId", seated));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(notSeated.status()).isEqualTo(409);
        assertThat(byAnyone.status()).isEqualTo(401);
        assertThat(listed(fixture).get(seated).path("checkedIn").asBoolean()).isTrue();
        assertThat(listed(fixture).get(waiting).path("checkedIn").asBoolean()).isFalse();
    }

    @Test
    void anotherOrganizationCannotSeeCancelOrCheckInRegistrations() {
        Fixture fixture = eventWithFrames("reg-owner", Map.of("一般枠", 5));
        long id = register(fixture.eventId(), "A", "a@example.com", "一般枠").json().path("id").asLong();
        ApiClient outsider = instanceAdmin.foundOrganization("reg-outsider");

        assertThat(outsider.get("/api/v1/events/" + fixture.eventId() + "/registrations").status()).isEqualTo(404);
        assertThat(outsider.get("/api/v1/registrations/" + id).status()).isEqualTo(404);
        assertThat(outsider.delete("/api/v1/registrations/" + id).status()).isEqualTo(404);
        assertThat(outsider.post("/api/v1/events/" + fixture.eventId() + "/checkins", json("registrationId", id)).status())
                .isEqualTo(404);
        assertThat(listed(fixture).get(id).path("status").asString()).isEqualTo("confirmed");
    }

    private Map<Long, JsonNode> listed(Fixture fixture) {
        ApiClient.Answer list = fixture.admin().get("/api/v1/events/" + fixture.eventId() + "/registrations");
        assertThat(list.status()).isEqualTo(200);
        Map<Long, JsonNode> byId = new HashMap<>();
        list.json().forEach(entry -> byId.put(entry.path("id").asLong(), entry));
        return byId;
    }

    record Fixture(ApiClient admin, long eventId, JsonNode frames) {
    }

    @Test
    void answersToTheEventsQuestionsComeWithTheRegistrationAndAreCheckedLikeAnyInput() {
        Fixture fixture = eventWithFrames("reg-questions", Map.of("一般枠", 10));
        long organizationId = registrationService.organizationOfEvent(fixture.eventId());
        Question afterParty = questionnaires.ask(organizationId, fixture.eventId(), QuestionKind.YES_NO,
                "懇親会に参加しますか?", null, true);
        String registrations = "/api/v1/events/" + fixture.eventId() + "/registrations";

        JsonNode asked = anyone.get("/api/v1/events/" + fixture.eventId() + "/questions").json();
        ApiClient.Answer missing = anyone.post(registrations, json("name", "A", "email", "qa@example.com",
                "frame", "一般枠"));
        ApiClient.Answer answered = anyone.post(registrations, json("name", "A", "email", "qa@example.com",
                "frame", "一般枠", "answers", Map.of(String.valueOf(afterParty.id()), "yes")));
        JsonNode listed = fixture.admin().get(registrations).json();

        assertThat(asked.get(0).path("kind").asString()).isEqualTo("yes_no");
        assertThat(asked.get(0).path("required").asBoolean()).isTrue();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("details").get(0).path("field").asString())
                .isEqualTo("answers[" + afterParty.id() + "]");
        assertThat(answered.status()).isEqualTo(201);
        assertThat(listed.get(0).path("answers").path(String.valueOf(afterParty.id())).asString()).isEqualTo("yes");
    }
}
