package io.firstpin.event.web;

import static io.firstpin.testing.ApiClient.BOOTSTRAP;
import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.firstpin.audit.AuditFilter;
import io.firstpin.audit.AuditLog;
import io.firstpin.organization.Organizations;
import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestSmtp;
import io.firstpin.testing.TestSmtp.ReceivedEmail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Drafts, publishing, hiding, cancelling (中止), postponing (延期) and deleting events, as the API and visitors see it. */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "firstpin.bootstrap-token=" + BOOTSTRAP, "firstpin.mail.poll-interval=100ms",
        "db-scheduler.polling-interval=100ms"})
@DirtiesContext
class EventLifecycleApiTests {

    private static final int SMTP_PORT = TestSmtp.freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.on(SMTP_PORT);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtp.serve(registry, SMTP_PORT);
    }

    @LocalServerPort
    int port;
    @Autowired
    AuditLog log;
    @Autowired
    Organizations organizations;

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

    private static long plan(ApiClient admin, String org, String title, Object... more) {
        Object[] fields = Stream.concat(Stream.of("title", title, "startsAt", "2031-02-10T19:00:00+09:00",
                "frames", List.of(Map.of("name", "一般枠", "capacity", 1))), Stream.of(more)).toArray();
        ApiClient.Answer created = admin.post("/api/v1/communities/" + org + "-c/events", json(fields));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
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

    private static void stillMails(String first, int firstCount, String second, int secondCount) {
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(
                () -> mailsTo(first).size() == firstCount && mailsTo(second).size() == secondCount);
    }

    @Test
    void aDraftIsSeenByStaffOnlyUntilItIsPublished() {
        ApiClient admin = organizationWithCommunity("drafted");
        long id = plan(admin, "drafted", "下書きの勉強会", "draft", true);

        assertThat(admin.get("/api/v1/events/" + id).text("status")).isEqualTo("draft");
        assertThat(admin.get("/api/v1/communities/drafted-c/events").body()).contains("下書きの勉強会");
        assertThat(List.of(anyone.get("/e/" + id).status(), anyone.get("/e/" + id + ".ics").status(),
                anyone.get("/e/" + id + "/register").status())).containsOnly(404);
        assertThat(List.of(anyone.get("/c/drafted-c").body(), anyone.get("/c/drafted-c/events.ics").body(),
                anyone.get("/c/drafted-c/events.atom").body())).allSatisfy(page -> assertThat(page)
                .doesNotContain("下書きの勉強会"));
        assertThat(register(id, "早すぎ さん", "early@example.com").status()).isEqualTo(409);

        ApiClient.Answer published = admin.post("/api/v1/events/" + id + "/publish", "{}");

        assertThat(published.status()).isEqualTo(200);
        assertThat(published.text("status")).isEqualTo("published");
        assertThat(anyone.get("/e/" + id).body()).contains("下書きの勉強会");
        assertThat(anyone.get("/c/drafted-c").body()).contains("下書きの勉強会");
        assertThat(anyone.get("/c/drafted-c/events.atom").body()).contains("下書きの勉強会");
        assertThat(register(id, "参加 さん", "joiner@example.com").status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/events/" + id + "/publish", "{}").status()).isEqualTo(409);
    }

    @Test
    void aHiddenEventLeavesThePublicPagesAndKeepsItsRegistrations() {
        ApiClient admin = organizationWithCommunity("hidden");
        long id = plan(admin, "hidden", "隠す勉強会");
        String token = register(id, "参加 さん", "kept@example.com").text("manageToken");

        assertThat(admin.post("/api/v1/events/" + id + "/hide", "{}").text("status")).isEqualTo("hidden");

        assertThat(anyone.get("/e/" + id).status()).isEqualTo(404);
        assertThat(anyone.get("/c/hidden-c").body()).doesNotContain("隠す勉強会");
        assertThat(admin.get("/api/v1/events/" + id + "/registrations").json().get(0).path("status").asString())
                .isEqualTo("confirmed");
        assertThat(anyone.get("/r/" + token).status()).as("the registrant's own page stays").isEqualTo(200);
        assertThat(register(id, "新規 さん", "new@example.com").status()).isEqualTo(409);

        assertThat(admin.post("/api/v1/events/" + id + "/publish", "{}").text("status")).isEqualTo("published");
        assertThat(anyone.get("/e/" + id).status()).isEqualTo(200);
    }

    @Test
    void cancellingEmailsEveryoneRegisteredOnceThoughAskedTwiceAtOnce() throws Exception {
        ApiClient admin = organizationWithCommunity("cancelled");
        long id = plan(admin, "cancelled", "中止になる勉強会");
        assertThat(register(id, "確定 さん", "seated@example.com").text("status")).isEqualTo("confirmed");
        assertThat(register(id, "補欠 さん", "waiting@example.com").text("status")).isEqualTo("waitlisted");
        awaitMails("seated@example.com", 1);
        awaitMails("waiting@example.com", 1);

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> twice = Stream.generate(() -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return admin.post("/api/v1/events/" + id + "/cancel", "{}").status();
        })).limit(2).toList();
        start.countDown();

        assertThat(twice.stream().map(CompletableFuture::join).sorted().toList()).containsExactly(200, 409);
        awaitMails("seated@example.com", 2);
        awaitMails("waiting@example.com", 2);
        stillMails("seated@example.com", 2, "waiting@example.com", 2);
        ReceivedEmail news = mailsTo("waiting@example.com").get(1);
        assertThat(news.subject()).isEqualTo("Cancelled: 中止になる勉強会");
        assertThat(admin.get("/api/v1/events/" + id + "/registrations").json().findValuesAsString("status"))
                .containsOnly("cancelled");
        ApiClient.Answer again = admin.post("/api/v1/events/" + id + "/cancel", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("message")).isEqualTo("This event is already cancelled.");
        assertThat(anyone.get("/e/" + id + "?lang=ja").body()).contains("このイベントは中止になりました。");
        assertThat(anyone.get("/e/" + id + "?lang=en").body()).contains("This event is cancelled.");
        assertThat(anyone.get("/e/" + id + ".ics").body()).contains("STATUS:CANCELLED");
        assertThat(register(id, "後から さん", "late@example.com").status()).isEqualTo(409);
        long organizationId = organizations.findBySlug("cancelled").orElseThrow().id();
        assertThat(log.page(organizationId, new AuditFilter("event.cancelled", null, null, null), 0, 10).entries())
                .singleElement().satisfies(entry -> assertThat(entry.target()).isEqualTo("event " + id));
    }

    @Test
    void postponingToADateStillUndecidedSaysSoAndTellsRegistrantsOnce() {
        ApiClient admin = organizationWithCommunity("postponed");
        long id = plan(admin, "postponed", "延期になる勉強会");
        register(id, "確定 さん", "postponed@example.com");
        awaitMails("postponed@example.com", 1);

        ApiClient.Answer postponed = admin.post("/api/v1/events/" + id + "/postpone", "{}");

        assertThat(postponed.status()).isEqualTo(200);
        assertThat(postponed.text("status")).isEqualTo("postponed");
        assertThat(postponed.json().path("dateUndecided").asBoolean()).isTrue();
        assertThat(admin.post("/api/v1/events/" + id + "/postpone", "{}").status()).isEqualTo(409);
        awaitMails("postponed@example.com", 2);
        ReceivedEmail news = mailsTo("postponed@example.com").get(1);
        assertThat(news.subject()).isEqualTo("Postponed: 延期になる勉強会");
        assertThat(news.text()).contains("the new date is not decided yet");
        assertThat(anyone.get("/e/" + id + "?lang=ja").body()).contains("新しい日程は未定です");
        assertThat(register(id, "新規 さん", "undecided@example.com").status()).isEqualTo(409);

        assertThat(admin.patch("/api/v1/events/" + id, json("startsAt", "2031-03-10T19:00:00+09:00")).status())
                .isEqualTo(200);
        assertThat(admin.patch("/api/v1/events/" + id, json("title", "延期になった勉強会")).status()).isEqualTo(200);

        assertThat(anyone.get("/e/" + id + "?lang=en").body()).contains("This event is postponed to")
                .doesNotContain("not decided yet");
        assertThat(register(id, "新規 さん", "decided@example.com").status()).isEqualTo(201);
        assertThat(admin.get("/api/v1/events/" + id + "/registrations").json().findValuesAsString("status"))
                .containsExactly("confirmed", "waitlisted");
        awaitMails("postponed@example.com", 3);
        assertThat(mailsTo("postponed@example.com").get(2).subject()).isEqualTo("New date: 延期になる勉強会");
        assertThat(mailsTo("postponed@example.com").get(2).text()).contains("2031");
        stillMails("postponed@example.com", 3, "undecided@example.com", 0);
    }

    @Test
    void onlyADraftOrAnEventNobodyRegisteredForIsDeleted() {
        ApiClient admin = organizationWithCommunity("deleted");
        ApiClient stranger = organizationWithCommunity("stranger");
        long draft = plan(admin, "deleted", "下書き", "draft", true);
        long mistaken = plan(admin, "deleted", "テスト用イベント");
        long registered = plan(admin, "deleted", "本番イベント");
        register(registered, "参加 さん", "registered@example.com");

        assertThat(stranger.delete("/api/v1/events/" + draft).status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/events/" + draft).status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/events/" + mistaken).status()).isEqualTo(204);
        ApiClient.Answer refused = admin.delete("/api/v1/events/" + registered);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("message")).contains("People have registered for this event");
        assertThat(admin.get("/api/v1/events/" + draft).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/events/" + mistaken).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/events/" + registered).status()).isEqualTo(200);
    }

    @Test
    void registeringBeforeRegistrationOpensAnswers409WithTheOpeningTime() {
        ApiClient admin = organizationWithCommunity("opens-later");
        long id = plan(admin, "opens-later", "受付前の勉強会", "registrationOpensAt", "2031-01-20T12:00:00+09:00");

        ApiClient.Answer early = register(id, "早い さん", "early@example.com");

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("details").get(0).path("field").asString()).isEqualTo("registrationOpensAt");
        assertThat(early.text("message")).contains("2031-01-20T12:00:00+09:00");
        assertThat(anyone.get("/e/" + id + "?lang=en").body()).contains("Registration opens");
        assertThat(anyone.get("/e/" + id + "/register?lang=ja").body()).contains("申込受付は");
    }

    @Test
    void agendaItemsHaveStartTimesOfTheirOwnWithinTheEvent() {
        ApiClient admin = organizationWithCommunity("timed");
        long id = plan(admin, "timed", "時刻つきの勉強会", "sessions", List.of(
                Map.of("kind", "update", "title", "最新アップデート", "startsAt", "2031-02-10T19:05:00+09:00"),
                Map.of("kind", "lt", "title", "CDK で始める IaC", "startsAt", "2031-02-10T20:35:00+09:00")));

        assertThat(anyone.get("/e/" + id + "?lang=ja").body()).contains("19:05").contains("20:35");

        ApiClient.Answer outside = admin.post("/api/v1/communities/timed-c/events", json("title", "外れた時刻",
                "startsAt", "2031-02-10T19:00:00+09:00", "sessions",
                List.of(Map.of("title", "前夜祭", "startsAt", "2031-02-09T19:00:00+09:00"))));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().path("details").get(0).path("field").asString()).isEqualTo("sessions[0].startsAt");
    }
}
