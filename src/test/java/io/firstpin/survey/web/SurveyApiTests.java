package io.firstpin.survey.web;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.MovableClock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"firstpin.bootstrap-token=" + BOOTSTRAP, "firstpin.outputs.nudge-enabled=false",
                "firstpin.surveys.enabled=false"})
@Import(MovableClock.Config.class)
@DirtiesContext
class SurveyApiTests {

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

    /** A study session on 2 June 2030, 19:00–21:00 in Tokyo, with one frame of {@code seats}. */
    private Meetup meetup(String org, int seats) {
        ApiClient admin = instanceAdmin.foundOrganization(org);
        admin.post("/api/v1/organizations/" + org + "/communities", json("slug", org + "-c", "name", "Firstpin UG"));
        long eventId = admin.post("/api/v1/communities/" + org + "-c/events", json("title", "Firstpin UG #13",
                "startsAt", "2030-06-02T19:00:00+09:00", "endsAt", "2030-06-02T21:00:00+09:00", "online", true,
                "frames", java.util.List.of(java.util.Map.of("name", "一般枠", "capacity", seats, "mode", "fifo"))))
                .json().path("id").asLong();
        return new Meetup(admin, eventId);
    }

    private record Meetup(ApiClient admin, long eventId) {

        JsonNode register(String name, String email) {
            return admin.anonymous().post("/api/v1/events/" + eventId + "/registrations",
                    json("name", name, "email", email, "frame", "一般枠")).json();
        }

        void checkIn(JsonNode registration) {
            assertThat(admin.post("/api/v1/events/" + eventId + "/checkins",
                    json("registrationId", registration.path("id").asLong())).status()).isEqualTo(201);
        }

        ApiClient.Answer answer(JsonNode registration, String body) {
            return admin.anonymous().withHeader("X-Manage-Token", registration.path("manageToken").asString())
                    .post("/api/v1/events/" + eventId + "/survey-responses", body);
        }

        JsonNode summary() {
            ApiClient.Answer answer = admin.get("/api/v1/events/" + eventId + "/survey-summary");
            assertThat(answer.status()).isEqualTo(200);
            return answer.json();
        }
    }

    private void afterTheEvent() {
        clock.set(Instant.parse("2030-06-02T13:00:00Z"));
    }

    @Test
    void attendeesAnswerOnceAndTheSummaryHasTheExactNps() {
        Meetup meetup = meetup("svy-sum", 10);
        JsonNode[] people = new JsonNode[4];
        int[] scores = {10, 9, 7, 3};
        for (int i = 0; i < people.length; i++) {
            people[i] = meetup.register("参加者 " + i, "p" + i + "@example.com");
            meetup.checkIn(people[i]);
        }
        afterTheEvent();

        for (int i = 0; i < people.length; i++) {
            ApiClient.Answer answered = meetup.answer(people[i], json("nps", scores[i], "ces", 5 + i % 3, "heat", 4,
                    "comment", "よかった", "wantsToSpeak", i == 0));
            assertThat(answered.status()).as(answered.toString()).isEqualTo(201);
        }
        ApiClient.Answer second = meetup.answer(people[0], json("nps", 0));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("error")).isEqualTo("conflict");
        JsonNode summary = meetup.summary();
        assertThat(summary.path("responses").asInt()).isEqualTo(4);
        // 2 promoters, 1 detractor of 4: 50% - 25% = 25
        assertThat(summary.path("nps").decimalValue()).isEqualByComparingTo("25.0");
        // ces 5, 6, 7, 5 → 5.75; heat 4 each
        assertThat(summary.path("cesMean").decimalValue()).isEqualByComparingTo("5.75");
        assertThat(summary.path("heatMean").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(summary.path("wantsToSpeak").asInt()).isEqualTo(1);
    }

    @Test
    void aNoShowAndAWaitlistedRegistrantAreRefusedWithAClearMessage() {
        Meetup meetup = meetup("svy-who", 2);
        JsonNode attendee = meetup.register("出席 花子", "hanako@example.com");
        JsonNode noShow = meetup.register("欠席 太郎", "taro@example.com");
        JsonNode waitlisted = meetup.register("補欠 次郎", "jiro@example.com");
        meetup.checkIn(attendee);
        afterTheEvent();

        ApiClient.Answer fromNoShow = meetup.answer(noShow, json("nps", 10));
        ApiClient.Answer fromWaitlisted = meetup.answer(waitlisted, json("nps", 10));

        assertThat(fromNoShow.status()).isEqualTo(409);
        assertThat(fromNoShow.text("message")).contains("attended");
        assertThat(fromWaitlisted.status()).isEqualTo(409);
        assertThat(meetup.answer(attendee, json("nps", 10)).status()).isEqualTo(201);
    }

    @Test
    void outOfRangeScoresAndOverLongTextAreRefusedWithTheirFieldsAndBadTokensAreNotFound() {
        Meetup meetup = meetup("svy-bad", 10);
        JsonNode attendee = meetup.register("出席 花子", "hanako@example.com");
        meetup.checkIn(attendee);
        afterTheEvent();

        ApiClient.Answer invalid = meetup.answer(attendee, json("nps", 11, "ces", 8, "heat", 0,
                "comment", "x".repeat(2001)));
        ApiClient.Answer notANumber = meetup.answer(attendee, json("nps", "ten", "ces", "seven"));
        ApiClient.Answer wrongToken = meetup.admin().anonymous().withHeader("X-Manage-Token", "r_nothing")
                .post("/api/v1/events/" + meetup.eventId() + "/survey-responses", json("nps", 5));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("details").findValuesAsString("field"))
                .containsExactly("nps", "ces", "heat", "comment");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().path("details").findValuesAsString("field")).containsExactly("nps", "ces");
        assertThat(wrongToken.status()).isEqualTo(404);
        assertThat(meetup.summary().path("responses").asInt()).isZero();
        assertThat(meetup.summary().path("nps").isNull()).isTrue();
    }

    @Test
    void theSurveyOpensAtTheEndAndTheAnswerCanBeEditedUntilItCloses() {
        Meetup meetup = meetup("svy-edit", 10);
        JsonNode attendee = meetup.register("出席 花子", "hanako@example.com");
        meetup.checkIn(attendee);

        assertThat(meetup.answer(attendee, json("nps", 8)).status()).as("before the end").isEqualTo(409);
        afterTheEvent();
        assertThat(meetup.answer(attendee, json("nps", 8)).status()).isEqualTo(201);
        ApiClient edit = meetup.admin().anonymous().withHeader("X-Manage-Token",
                attendee.path("manageToken").asString());
        String mine = "/api/v1/events/" + meetup.eventId() + "/survey-responses/mine";

        assertThat(edit.put(mine, json("nps", 10)).status()).isEqualTo(200);
        assertThat(meetup.summary().path("nps").decimalValue()).isEqualByComparingTo("100.0");
        clock.set(Instant.parse("2030-06-16T12:00:00Z"));
        assertThat(edit.put(mine, json("nps", 0)).status()).as("after 14 days").isEqualTo(409);
    }

    @Test
    void theSummaryIsForStaffOfTheOrganizationOnly() {
        Meetup meetup = meetup("svy-auth", 10);
        ApiClient other = instanceAdmin.foundOrganization("svy-other");

        assertThat(meetup.admin().anonymous().get("/api/v1/events/" + meetup.eventId() + "/survey-summary").status())
                .isEqualTo(401);
        assertThat(other.get("/api/v1/events/" + meetup.eventId() + "/survey-summary").status()).isEqualTo(404);
    }
}
