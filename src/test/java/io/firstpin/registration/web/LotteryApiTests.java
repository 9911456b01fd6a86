package io.firstpin.registration.web;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.registration.Lottery;
import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The staff lottery API. Frames whose lottery time has passed are drawn only when a test asks: the scheduler is off.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"firstpin.bootstrap-token=" + BOOTSTRAP, "db-scheduler.enabled=false"})
class LotteryApiTests {

    @LocalServerPort
    int port;

    ApiClient instanceAdmin;
    ApiClient anyone;

    @BeforeEach
    void connect() {
        instanceAdmin = new ApiClient(port, BOOTSTRAP);
        anyone = instanceAdmin.anonymous();
    }

    /** An organization whose event has a lottery frame already due, one due next year, and a first-come frame. */
    private Fixture event(String org) {
        ApiClient admin = instanceAdmin.foundOrganization(org);
        admin.post("/api/v1/organizations/" + org + "/communities", json("slug", org + "-c", "name", "Community"));
        JsonNode event = admin.post("/api/v1/communities/" + org + "-c/events", json("title", "JAWS DAYS",
                "startsAt", "2099-03-01T10:00:00+09:00", "online", true, "frames", List.of(
                        Map.of("name", "抽選枠", "capacity", 2, "mode", "lottery",
                                "lotteryAt", "2020-01-01T12:00:00+09:00"),
                        Map.of("name", "後日抽選枠", "capacity", 2, "mode", "lottery",
                                "lotteryAt", "2099-02-01T12:00:00+09:00"),
                        Map.of("name", "一般枠", "capacity", 10)))).json();
        assertThat(event.path("id").asLong()).isPositive();
        return new Fixture(admin, event.path("id").asLong(), event.path("frames").get(0).path("id").asLong(),
                event.path("frames").get(1).path("id").asLong(), event.path("frames").get(2).path("id").asLong());
    }

    private List<Long> apply(Fixture fixture, String frame, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> {
            ApiClient.Answer answer = anyone.post("/api/v1/events/" + fixture.eventId() + "/registrations",
                    json("name", "Applicant " + i, "email", "applicant" + i + "@example.com", "frame", frame));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            assertThat(answer.text("status")).isEqualTo("applied");
            return answer.json().path("id").asLong();
        }).toList();
    }

    private static String draw(long frameId) {
        return "/api/v1/frames/" + frameId + "/draw";
    }

    @Test
    void staffDrawADueFrameAndAuditTheRecordedDraw() {
        Fixture fixture = event("lottery-draw");
        List<Long> applicants = apply(fixture, "抽選枠", 5);

        ApiClient.Answer drawn = fixture.admin().post(draw(fixture.due()), json());

        assertThat(drawn.status()).as(drawn.toString()).isEqualTo(201);
        assertThat(drawn.json().path("frameId").asLong()).isEqualTo(fixture.due());
        assertThat(drawn.json().path("applicants").asInt()).isEqualTo(5);
        assertThat(drawn.json().path("winners").asInt()).isEqualTo(2);
        assertThat(drawn.text("drawnAt")).endsWith("+09:00");
        long seed = Long.parseLong(drawn.text("seed"));

        ApiClient.Answer audit = fixture.admin().get(draw(fixture.due()));
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.text("seed")).isEqualTo(drawn.text("seed"));
        assertThat(audit.text("algorithm")).isEqualTo(Lottery.ALGORITHM);
        assertThat(longs(audit.json().path("applicantIds"))).isEqualTo(applicants);
        List<Long> order = longs(audit.json().path("drawOrder"));
        assertThat(order).isEqualTo(Lottery.shuffle(seed, applicants));

        Map<Long, JsonNode> listed = listed(fixture);
        assertThat(order.subList(0, 2)).allSatisfy(id ->
                assertThat(listed.get(id).path("status").asString()).isEqualTo("confirmed"));
        assertThat(order.subList(2, 5).stream().map(id -> listed.get(id).path("waitlistPosition").asInt()))
                .containsExactly(1, 2, 3);
        assertThat(fixture.admin().get("/api/v1/events/" + fixture.eventId()).json().path("frames").get(0)
                .path("confirmed").asInt()).isEqualTo(2);
    }

    @Test
    void aFrameIsDrawnOnceAndNotBeforeItsLotteryTimeNorWhenItIsFirstComeFirstServed() {
        Fixture fixture = event("lottery-refused");
        apply(fixture, "後日抽選枠", 2);

        ApiClient.Answer early = fixture.admin().post(draw(fixture.later()), json());
        ApiClient.Answer notALottery = fixture.admin().post(draw(fixture.firstComeFirstServed()), json());
        ApiClient.Answer first = fixture.admin().post(draw(fixture.due()), json());
        ApiClient.Answer again = fixture.admin().post(draw(fixture.due()), json());

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("details").get(0).path("field").asString()).isEqualTo("frame");
        assertThat(notALottery.status()).isEqualTo(409);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("applicants").asInt()).isZero();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("message")).contains("already");
        assertThat(fixture.admin().get(draw(fixture.later())).status()).isEqualTo(404);
        assertThat(listed(fixture).values()).extracting(r -> r.path("status").asString()).containsOnly("applied");
    }

    @Test
    void anotherOrganizationNeitherDrawsNorAuditsAndAnonymousCallersAreAskedToAuthenticate() {
        Fixture fixture = event("lottery-owner");
        apply(fixture, "抽選枠", 3);
        ApiClient outsider = instanceAdmin.foundOrganization("lottery-outsider");

        assertThat(outsider.post(draw(fixture.due()), json()).status()).isEqualTo(404);
        assertThat(anyone.post(draw(fixture.due()), json()).status()).isEqualTo(401);
        assertThat(fixture.admin().post(draw(999_999), json()).status()).isEqualTo(404);
        assertThat(fixture.admin().get(draw(fixture.due())).status()).isEqualTo(404);

        assertThat(fixture.admin().post(draw(fixture.due()), json()).status()).isEqualTo(201);

        assertThat(outsider.get(draw(fixture.due())).status()).isEqualTo(404);
        assertThat(anyone.get(draw(fixture.due())).status()).isEqualTo(401);
        assertThat(fixture.admin().get(draw(fixture.due())).status()).isEqualTo(200);
    }

    @Test
    void registrationsAfterTheLotteryTimeWaitForTheDrawThenTheFrameIsFirstComeFirstServed() {
        Fixture fixture = event("lottery-late");
        apply(fixture, "抽選枠", 1);
        fixture.admin().post(draw(fixture.due()), json());

        List<String> afterwards = IntStream.rangeClosed(1, 3).mapToObj(i -> anyone.post(
                "/api/v1/events/" + fixture.eventId() + "/registrations",
                json("name", "Late " + i, "email", "late" + i + "@example.com", "frame", "抽選枠")).text("status"))
                .toList();

        assertThat(afterwards).containsExactly("confirmed", "waitlisted", "waitlisted");
    }

    @Test
    void staffNominateApplicantsWhoWinBeforeTheDrawAndTheAuditSaysWhoNominatedThem() {
        Fixture fixture = event("lottery-nominate");
        List<Long> applicants = apply(fixture, "抽選枠", 6);
        String nominations = "/api/v1/frames/" + fixture.due() + "/nominations/";

        ApiClient.Answer nominated = fixture.admin().put(nominations + applicants.get(4), json());
        ApiClient.Answer again = fixture.admin().put(nominations + applicants.get(4), json());
        ApiClient.Answer second = fixture.admin().put(nominations + applicants.get(1), json());
        ApiClient.Answer third = fixture.admin().put(nominations + applicants.get(0), json());
        ApiClient.Answer withdrawn = fixture.admin().delete(nominations + applicants.get(1));
        ApiClient.Answer list = fixture.admin().get("/api/v1/frames/" + fixture.due() + "/nominations");

        assertThat(nominated.status()).as(nominated.toString()).isEqualTo(200);
        assertThat(nominated.text("nominatedBy")).startsWith("token ");
        assertThat(nominated.text("nominatedAt")).endsWith("+09:00");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("nominatedAt")).isEqualTo(nominated.text("nominatedAt"));
        assertThat(second.status()).isEqualTo(200);
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.json().path("details").get(0).path("field").asString()).isEqualTo("registration");
        assertThat(withdrawn.status()).isEqualTo(204);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).path("registrationId").asLong()).isEqualTo(applicants.get(4));

        JsonNode audit = fixture.admin().post(draw(fixture.due()), json()).json();

        assertThat(audit.path("nominations")).hasSize(1);
        assertThat(audit.path("nominations").get(0).path("registrationId").asLong()).isEqualTo(applicants.get(4));
        assertThat(audit.path("nominations").get(0).path("nominatedBy").asString())
                .isEqualTo(nominated.text("nominatedBy"));
        List<Long> drawn = longs(audit.path("applicantIds"));
        assertThat(drawn).hasSize(5).doesNotContain(applicants.get(4));
        List<Long> order = longs(audit.path("drawOrder"));
        assertThat(order.get(0)).isEqualTo(applicants.get(4));
        assertThat(order.subList(1, 6)).isEqualTo(Lottery.shuffle(Long.parseLong(audit.path("seed").asString()), drawn));
        assertThat(audit.path("applicants").asInt()).isEqualTo(6);
        assertThat(listed(fixture).get(applicants.get(4)).path("status").asString()).isEqualTo("confirmed");
        assertThat(fixture.admin().put(nominations + applicants.get(5), json()).status()).isEqualTo(409);
    }

    @Test
    void nominationsAreForStaffOfTheOrganizationAndForApplicantsOfTheFrame() {
        Fixture fixture = event("lottery-nominate-owner");
        long applicant = apply(fixture, "抽選枠", 1).get(0);
        String nomination = "/api/v1/frames/" + fixture.due() + "/nominations/" + applicant;
        ApiClient outsider = instanceAdmin.foundOrganization("lottery-nominate-outsider");

        assertThat(anyone.put(nomination, json()).status()).isEqualTo(401);
        assertThat(outsider.put(nomination, json()).status()).isEqualTo(404);
        assertThat(outsider.get("/api/v1/frames/" + fixture.due() + "/nominations").status()).isEqualTo(404);
        assertThat(fixture.admin().put("/api/v1/frames/" + fixture.later() + "/nominations/" + applicant, json())
                .status()).isEqualTo(404);
        assertThat(fixture.admin().put("/api/v1/frames/" + fixture.firstComeFirstServed() + "/nominations/"
                + applicant, json()).status()).isEqualTo(409);
        assertThat(fixture.admin().get("/api/v1/frames/" + fixture.due() + "/nominations").json()).isEmpty();
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asLong()));
        return values;
    }

    private Map<Long, JsonNode> listed(Fixture fixture) {
        ApiClient.Answer list = fixture.admin().get("/api/v1/events/" + fixture.eventId() + "/registrations");
        assertThat(list.status()).isEqualTo(200);
        Map<Long, JsonNode> byId = new HashMap<>();
        list.json().forEach(entry -> byId.put(entry.path("id").asLong(), entry));
        return byId;
    }

    record Fixture(ApiClient admin, long eventId, long due, long later, long firstComeFirstServed) {
    }
}
