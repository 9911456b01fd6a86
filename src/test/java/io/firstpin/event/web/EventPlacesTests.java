package io.firstpin.event.web;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestSmtp;
import io.firstpin.testing.TestSmtp.ReceivedEmail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Places to be decided (会場未定) and online join URLs, which reach confirmed registrants only. */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "firstpin.bootstrap-token=" + BOOTSTRAP, "firstpin.mail.poll-interval=100ms",
        "db-scheduler.polling-interval=100ms"})
@DirtiesContext
class EventPlacesTests {

    private static final String JOIN_URL = "https://zoom.example/j/8812345678?pwd=secret";
    private static final int SMTP_PORT = TestSmtp.freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.on(SMTP_PORT);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtp.serve(registry, SMTP_PORT);
    }

    @LocalServerPort
    int port;

    ApiClient instanceAdmin;
    ApiClient anyone;

    @BeforeEach
    void connect() {
        instanceAdmin = new ApiClient(port, BOOTSTRAP);
        anyone = instanceAdmin.anonymous();
    }

    private ApiClient organizationWithCommunity(String org) {
        return instanceAdmin.foundOrganizationWithCommunity(org, "JAWS-UG " + org);
    }

    private ApiClient.Answer register(long eventId, String name, String email) {
        return anyone.post("/api/v1/events/" + eventId + "/registrations",
                json("name", name, "email", email, "frame", "一般枠"));
    }

    private static List<ReceivedEmail> mailsTo(String address) {
        return TestSmtp.receivedBy(smtp, address);
    }

    private static void awaitMails(String address, int count) {
        TestSmtp.awaitReceived(smtp, address, count);
    }

    @Test
    void anEventWithoutAPlaceIsCreatedAndShownAsToBeDecided() {
        ApiClient admin = organizationWithCommunity("undecided");

        ApiClient.Answer created = admin.post("/api/v1/communities/undecided-c/events",
                json("title", "会場未定の勉強会", "startsAt", "2031-02-10T19:00:00+09:00"));

        assertThat(created.status()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.json().path("placeUndecided").asBoolean()).isTrue();
        assertThat(created.json().path("venue").isNull()).isTrue();
        assertThat(created.json().path("online").asBoolean()).isFalse();
        assertThat(anyone.get("/e/" + id + "?lang=ja").body()).contains("会場未定");
        assertThat(anyone.get("/e/" + id + "?lang=en").body()).contains("Place to be decided");
        assertThat(anyone.get("/c/undecided-c?lang=ja").body()).contains("会場未定");
        String calendar = anyone.get("/e/" + id + ".ics").body();
        assertThat(calendar).doesNotContain("\r\nLOCATION").contains("DESCRIPTION:Place to be decided");
        assertThat(anyone.get("/c/undecided-c/events.ics").body()).doesNotContain("\r\nLOCATION");
        assertThat(anyone.get("/c/undecided-c/events.atom").body()).contains("Place to be decided");
    }

    @Test
    void givingThePlaceLaterTellsConfirmedRegistrantsOnce() {
        ApiClient admin = organizationWithCommunity("decided");
        long id = admin.post("/api/v1/communities/decided-c/events", json("title", "会場未定の勉強会",
                "startsAt", "2031-02-10T19:00:00+09:00",
                "frames", List.of(Map.of("name", "一般枠", "capacity", 1)))).json().path("id").asLong();
        assertThat(register(id, "確定 さん", "confirmed@example.com").text("status")).isEqualTo("confirmed");
        assertThat(register(id, "補欠 さん", "waiting@example.com").text("status")).isEqualTo("waitlisted");
        awaitMails("confirmed@example.com", 1);
        awaitMails("waiting@example.com", 1);
        assertThat(mailsTo("confirmed@example.com").get(0).text()).contains("to be decided");

        ApiClient.Answer placed = admin.patch("/api/v1/events/" + id, json(
                "venue", Map.of("name", "目黒セントラルスクエア", "prefecture", "東京都", "city", "品川区")));
        ApiClient.Answer again = admin.patch("/api/v1/events/" + id, json("title", "会場決定の勉強会"));

        assertThat(placed.status()).isEqualTo(200);
        assertThat(placed.json().path("placeUndecided").asBoolean()).isFalse();
        assertThat(placed.json().path("venue").path("prefectureCode").asString()).isEqualTo("JP-13");
        assertThat(again.status()).isEqualTo(200);
        awaitMails("confirmed@example.com", 2);
        ReceivedEmail news = mailsTo("confirmed@example.com").get(1);
        assertThat(news.subject()).isEqualTo("Place decided: 会場未定の勉強会");
        assertThat(news.text()).contains("目黒セントラルスクエア");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> mailsTo("confirmed@example.com").size() == 2 && mailsTo("waiting@example.com").size() == 1);
        assertThat(anyone.get("/e/" + id + ".ics").body()).contains("LOCATION:目黒セントラルスクエア");
    }

    @Test
    void theOnlineUrlReachesConfirmedRegistrantsAndNoPublicAnswer() {
        ApiClient admin = organizationWithCommunity("join-url");
        ApiClient.Answer created = admin.post("/api/v1/communities/join-url-c/events", json("title", "オンライン勉強会",
                "startsAt", "2031-03-10T20:00:00+09:00", "kind", "online", "onlineUrl", JOIN_URL,
                "frames", List.of(Map.of("name", "一般枠", "capacity", 1))));
        long id = created.json().path("id").asLong();
        ApiClient.Answer joined = register(id, "確定 さん", "joiner@example.com");
        String joiner = joined.text("manageToken");
        String waiter = register(id, "補欠 さん", "waiter@example.com").text("manageToken");
        awaitMails("joiner@example.com", 1);
        awaitMails("waiter@example.com", 1);

        assertThat(mailsTo("joiner@example.com").get(0).text()).contains(JOIN_URL);
        assertThat(mailsTo("waiter@example.com").get(0).text()).doesNotContain("zoom.example");
        List<String> everythingPublic = List.of(created.body(), admin.get("/api/v1/events/" + id).body(),
                admin.get("/api/v1/communities/join-url-c/events").body(),
                admin.get("/api/v1/events/" + id + "/registrations").body(),
                anyone.get("/e/" + id).body(), anyone.get("/c/join-url-c").body(), anyone.get("/").body(),
                anyone.get("/e/" + id + ".ics").body(), anyone.get("/c/join-url-c/events.ics").body(),
                anyone.get("/c/join-url-c/events.atom").body());
        assertThat(everythingPublic).allSatisfy(answer -> assertThat(answer).doesNotContain("zoom.example"));
        assertThat(anyone.get("/r/" + joiner).body()).contains("zoom.example/j/8812345678");
        assertThat(anyone.get("/r/" + joiner + "/event.ics").body()).contains("zoom.example/j/8812345678");
        assertThat(anyone.get("/r/" + waiter).body()).doesNotContain("zoom.example");
        assertThat(anyone.get("/r/" + waiter + "/event.ics").body()).doesNotContain("zoom.example");

        String newUrl = "https://meet.example/abc-defg-hij";
        assertThat(admin.patch("/api/v1/events/" + id, json("onlineUrl", newUrl)).status()).isEqualTo(200);
        assertThat(admin.patch("/api/v1/events/" + id, json("onlineUrl", newUrl)).status()).isEqualTo(200);

        awaitMails("joiner@example.com", 2);
        assertThat(mailsTo("joiner@example.com").get(1).text()).contains(newUrl);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> mailsTo("joiner@example.com").size() == 2 && mailsTo("waiter@example.com").size() == 1);
        assertThat(anyone.get("/e/" + id).body()).doesNotContain("meet.example");

        assertThat(anyone.withHeader("X-Manage-Token", joiner)
                .delete("/api/v1/registrations/" + joined.json().path("id").asLong()).status()).isEqualTo(204);
        awaitMails("waiter@example.com", 2);
        assertThat(mailsTo("waiter@example.com").get(1).text()).contains(newUrl);
        assertThat(anyone.get("/r/" + joiner).body()).doesNotContain("meet.example");
    }
}
