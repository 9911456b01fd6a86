package io.firstpin.operations;

import static io.firstpin.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.firstpin.notification.MailStatus;
import io.firstpin.notification.Notifications;
import io.firstpin.notification.RenderedEmail;
import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestSmtp;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Health that tells the truth: an SMTP server out of reach is the mail component's matter (DEGRADED, its own group
 * answers 503, a metric says 0) while the application stays UP and ready, and the mail goes out once the server is
 * there; readiness fails when the database lacks a migration. Metrics for Prometheus, for an instance administrator's
 * token only.
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "firstpin.mail.poll-interval=200ms", "db-scheduler.polling-interval=200ms",
        "firstpin.mail.retry-backoff=300ms", "firstpin.mail.max-retry-backoff=1s", "firstpin.mail.smtp-timeout=2s",
        "firstpin.bootstrap-token=" + HealthAndMetricsTests.TOKEN})
@DirtiesContext
class HealthAndMetricsTests {

    static final String TOKEN = "health-3c8e1a7f9b2d5e0c4a6f8b1d3e7a9c2f5b0d6e4a";
    private static final int SMTP_PORT = TestSmtp.freePort();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void mailServerThatIsNotThereYet(DynamicPropertyRegistry registry) {
        TestSmtp.serve(registry, SMTP_PORT);
    }

    @LocalServerPort
    int port;
    @Autowired
    Notifications notifications;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MeterRegistry meters;
    @Autowired
    DSLContext db;

    @Test
    void anUnreachableMailServerLeavesTheApplicationUpAndReadyAndTheMailGoesOutWhenItIsBack() {
        RenderedEmail email = new RenderedEmail(null, "waiting@example.com", Locale.JAPANESE, "明日は勉強会です",
                "19:00 開始です。", null, "health-outage:1", null);
        new TransactionTemplate(transactions).executeWithoutResult(status -> notifications.sendRendered(email));
        await().atMost(PATIENCE).until(() -> notifications.find(email.dedupKey()).orElseThrow().attempts() >= 2);

        ApiClient anonymous = new ApiClient(port, null);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").json().path("status").asString()).isEqualTo("UP");
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        ApiClient.Answer mail = anonymous.get("/actuator/health/mail");
        assertThat(mail.status()).isEqualTo(503);
        assertThat(mail.json().path("status").asString()).isEqualTo("DEGRADED");
        assertThat(meters.get("firstpin.mail.smtp.reachable").gauge().value()).isZero();
        assertThat(meters.get("firstpin.mail.failures").tag("kind", "transient").counter().count()).isPositive();
        assertThat(meters.get("firstpin.mail.outbox.oldest.age").gauge().value()).isGreaterThanOrEqualTo(0);

        GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            await().atMost(PATIENCE).until(() -> notifications.find(email.dedupKey()).orElseThrow().status()
                    == MailStatus.SENT);
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(anonymous.get("/actuator/health/mail").status()).isEqualTo(200);
            assertThat(meters.get("firstpin.mail.smtp.reachable").gauge().value()).isOne();
        } finally {
            smtp.stop();
        }
    }

    @Test
    void prometheusMetricsAreForAnInstanceAdministratorsTokenOnlyAndCarryTheApplicationsOwn() {
        ApiClient admin = new ApiClient(port, TOKEN);
        ApiClient organization = admin.foundOrganization("metrics");
        organization.post("/api/v1/organizations/metrics/communities", json("slug", "metrics-c", "name", "Metrics"));
        long eventId = organization.post("/api/v1/communities/metrics-c/events", json("title", "計測の勉強会",
                "startsAt", "2030-06-01T19:00:00+09:00", "online", true,
                "frames", List.of(Map.of("name", "一般枠", "capacity", 10)))).json().path("id").asLong();
        assertThat(admin.anonymous().post("/api/v1/events/" + eventId + "/registrations",
                json("name", "参加者", "email", "metrics@example.com", "frame", "一般枠")).status()).isEqualTo(201);

        assertThat(admin.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(organization.get("/actuator/prometheus").status()).isEqualTo(403);
        // as Prometheus asks
        ApiClient.Answer scraped = admin.withHeader("Accept", "text/plain;version=0.0.4").get("/actuator/prometheus");
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.body()).contains("firstpin_registrations_total{change=\"confirmed\"} 1.0",
                "firstpin_mail_outbox{status=\"pending\"}", "firstpin_mail_outbox_oldest_age_seconds",
                "firstpin_attendee_changes_pending", "http_server_requests_seconds");
        assertThat(admin.anonymous().get("/actuator/metrics").status()).isNotEqualTo(200);
    }

    @Test
    void readinessFailsWhileTheDatabaseLacksAMigrationOfThisVersionAndLivenessStaysUp() {
        Table<?> history = DSL.table(DSL.name("flyway_schema_history"));
        Field<Integer> rank = DSL.field(DSL.name("installed_rank"), Integer.class);
        Record latest = db.selectFrom(history).orderBy(rank.desc()).limit(1).fetchSingle();
        db.deleteFrom(history).where(rank.eq(latest.get(rank))).execute();
        ApiClient anonymous = new ApiClient(port, null);
        try {
            await().atMost(PATIENCE).until(() -> anonymous.get("/actuator/health/readiness").status() == 503);
            assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        } finally {
            latest.changed(true);
            db.insertInto(history).set(latest).execute();
        }
        await().atMost(PATIENCE).until(() -> anonymous.get("/actuator/health/readiness").status() == 200);
    }
}
