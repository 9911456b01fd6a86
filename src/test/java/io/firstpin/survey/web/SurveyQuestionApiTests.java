package io.firstpin.survey.web;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.MovableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/** The event's own survey questions through the API, and answers to them next to the fixed API's fields. */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"firstpin.bootstrap-token=" + BOOTSTRAP,
                "firstpin.outputs.nudge-enabled=false", "firstpin.surveys.enabled=false"})
@Import(MovableClock.Config.class)
@DirtiesContext
class SurveyQuestionApiTests {

    @LocalServerPort
    int port;
    @Autowired
    MovableClock clock;

    ApiClient instanceAdmin;

    @BeforeEach
    void connect() {
        instanceAdmin = new ApiClient(port, BOOTSTRAP);
        clock.set(Instant.parse("2030-06-01T00:00:00Z"));
    }

    /** A meetup on 2 June 2030 with one checked-in attendee; the clock is then after its end. */
    private Meetup meetupWithAnAttendee(String org) {
        ApiClient admin = instanceAdmin.foundOrganization(org);
        admin.post("/api/v1/organizations/" + org + "/communities", json("slug", org + "-c", "name", "Firstpin UG"));
        long eventId = admin.post("/api/v1/communities/" + org + "-c/events", json("title", "Firstpin UG #14",
                "startsAt", "2030-06-02T19:00:00+09:00", "endsAt", "2030-06-02T21:00:00+09:00", "online", true,
                "frames", List.of(Map.of("name", "一般枠", "capacity", 10, "mode", "fifo"))))
                .json().path("id").asLong();
        JsonNode attendee = admin.anonymous().post("/api/v1/events/" + eventId + "/registrations",
                json("name", "出席 花子", "email", "hanako@example.com", "frame", "一般枠")).json();
        admin.post("/api/v1/events/" + eventId + "/checkins", json("registrationId", attendee.path("id").asLong()));
        clock.set(Instant.parse("2030-06-02T13:00:00Z"));
        return new Meetup(admin, eventId, attendee.path("manageToken").asString());
    }

    private record Meetup(ApiClient admin, long eventId, String manageToken) {

        String questions() {
            return "/api/v1/events/" + eventId + "/survey-questions";
        }

        long add(String kind, String wording, List<String> options, boolean required) {
            ApiClient.Answer added = admin.post(questions(), json("kind", kind, "wording", wording, "options", options,
                    "required", required));
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            return added.json().path("id").asLong();
        }

        ApiClient.Answer answer(String body) {
            return admin.anonymous().withHeader("X-Manage-Token", manageToken)
                    .post("/api/v1/events/" + eventId + "/survey-responses", body);
        }
    }

    @Test
    void adminsAddQuestionsAndAttendeesAnswerThemNextToTheFixedFields() {
        Meetup meetup = meetupWithAnAttendee("svq-api");
        long track = meetup.add("choice", "参加したトラック", List.of("A", "B"), true);
        long wish = meetup.add("text", "次に聞きたいこと", List.of(), false);

        ApiClient.Answer missing = meetup.answer(json("nps", 9));
        ApiClient.Answer wrong = meetup.answer(json("nps", 9, "ces", 8,
                "answers", Map.of(String.valueOf(track), "C", String.valueOf(wish), "x".repeat(2001), "999", "?")));
        ApiClient.Answer answered = meetup.answer(json("nps", 9, "ces", 6,
                "answers", Map.of(String.valueOf(track), "B", String.valueOf(wish), "Bedrock")));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("details").findValuesAsString("field")).containsExactly("answers." + track);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().path("details").findValuesAsString("field")).containsExactlyInAnyOrder("ces",
                "answers.999", "answers." + track, "answers." + wish);
        assertThat(wrong.toString()).contains("A / B");
        assertThat(answered.status()).as(answered.toString()).isEqualTo(201);
        assertThat(answered.json().path("nps").asInt()).isEqualTo(9);
        assertThat(answered.json().path("answers").path(String.valueOf(track)).asString()).isEqualTo("B");
        assertThat(answered.json().path("answers").path(String.valueOf(wish)).asString()).isEqualTo("Bedrock");
        JsonNode summary = meetup.admin().get("/api/v1/events/" + meetup.eventId() + "/survey-summary").json();
        assertThat(summary.path("nps").decimalValue()).isEqualByComparingTo("100.0");
    }

    @Test
    void theQuestionListShowsTheBuiltInOnesAndAnAnsweredChoiceKeepsItsChosenOptions() {
        Meetup meetup = meetupWithAnAttendee("svq-list");
        long track = meetup.add("choice", "参加したトラック", List.of("A", "B"), false);
        assertThat(meetup.answer(json("nps", 7, "answers", Map.of(String.valueOf(track), "A"))).status())
                .isEqualTo(201);

        ApiClient.Answer reworded = meetup.admin().put(meetup.questions() + "/built-in/ces",
                json("wording", "参加しやすかったですか?", "enabled", false));
        ApiClient.Answer npsOff = meetup.admin().put(meetup.questions() + "/built-in/nps", json("enabled", false));
        ApiClient.Answer dropsA = meetup.admin().withHeader("Accept-Language", "en").put(meetup.questions() + "/" + track,
                json("kind", "choice", "wording", "トラック", "options", List.of("B", "C")));
        ApiClient.Answer addsC = meetup.admin().put(meetup.questions() + "/" + track,
                json("kind", "choice", "wording", "トラック", "options", List.of("A", "B", "C")));
        ApiClient.Answer retires = meetup.admin().put(meetup.questions() + "/" + track,
                json("kind", "choice", "wording", "トラック", "options", List.of("A", "B", "C"), "retired", true));
        JsonNode list = meetup.admin().withHeader("Accept-Language", "en").get(meetup.questions()).json();

        assertThat(reworded.status()).isEqualTo(200);
        assertThat(npsOff.status()).isEqualTo(400);
        assertThat(dropsA.status()).isEqualTo(409);
        assertThat(dropsA.text("message")).contains("A").contains("cannot be removed");
        assertThat(addsC.status()).isEqualTo(200);
        assertThat(retires.json().path("retired").asBoolean()).isTrue();
        assertThat(list.path("builtIn").findValuesAsString("question"))
                .containsExactly("nps", "ces", "heat", "best", "comment", "speak", "organise");
        assertThat(list.path("builtIn").get(1).path("wording").asString()).isEqualTo("参加しやすかったですか?");
        assertThat(list.path("builtIn").get(1).path("enabled").asBoolean()).isFalse();
        assertThat(list.path("builtIn").get(0).path("defaultWording").asString()).contains("recommend");
        assertThat(list.path("questions").get(0).path("options").toString()).isEqualTo("[\"A\",\"B\",\"C\"]");
    }

    @Test
    void anotherOrganizationCannotSeeOrEditTheQuestions() {
        Meetup meetup = meetupWithAnAttendee("svq-auth");
        ApiClient other = instanceAdmin.foundOrganization("svq-auth-other");

        assertThat(other.get(meetup.questions()).status()).isEqualTo(404);
        assertThat(other.post(meetup.questions(), json("kind", "text", "wording", "x")).status()).isEqualTo(404);
        assertThat(meetup.admin().anonymous().get(meetup.questions()).status()).isEqualTo(401);
    }
}
