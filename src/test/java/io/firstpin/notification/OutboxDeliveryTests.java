package io.firstpin.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.firstpin.testing.TestSmtp;
import io.firstpin.testing.TestSmtp.ReceivedEmail;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@DatabaseTest
@SpringBootTest(properties = {"firstpin.mail.poll-interval=100ms", "db-scheduler.polling-interval=100ms"})
@DirtiesContext
class OutboxDeliveryTests {

    private static final int SMTP_PORT = TestSmtp.freePort();
    private static final AtomicInteger RECIPIENTS = new AtomicInteger();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.on(SMTP_PORT);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtp.serve(registry, SMTP_PORT);
    }

    @Autowired
    Notifications notifications;
    @Autowired
    Organizations organizations;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MeterRegistry meters;
    @Autowired
    io.firstpin.notification.internal.Outbox outbox;

    private static String aRecipient() {
        return "member" + RECIPIENTS.incrementAndGet() + "@example.com";
    }

    private static Map<String, Object> announcement(String recipientName, String title, String body) {
        Map<String, Object> model = new HashMap<>();
        model.put("organizationName", "JAWS-UG");
        model.put("recipientName", recipientName);
        model.put("title", title);
        model.put("body", body);
        model.put("actionUrl", "https://firstpin.test/e/42");
        model.put("actionLabel", null);
        return model;
    }

    private static OutgoingEmail announcementTo(String to, Locale locale, String dedupKey) {
        return new OutgoingEmail(null, to, locale, "notification/announcement",
                announcement("山田 太郎", "次回の勉強会", "会場は目黒です。"), dedupKey);
    }

    private <T> T inTransaction(Callable<T> work) {
        return new TransactionTemplate(transactions).execute(status -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private QueuedEmail sentEmail(String dedupKey) {
        return await().atMost(PATIENCE).until(() -> notifications.find(dedupKey).orElseThrow(),
                email -> email.status() == MailStatus.SENT);
    }

    /** Waits a few sender runs longer and checks that the recipient got exactly this many emails. */
    private List<ReceivedEmail> receivedExactly(String to, int count) {
        await().atMost(PATIENCE).until(() -> TestSmtp.receivedBy(smtp, to).size() >= count);
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                .until(() -> TestSmtp.receivedBy(smtp, to).size() == count);
        return TestSmtp.receivedBy(smtp, to);
    }

    @Test
    void aSentEmailIsKeptWithoutItsPrivateLinksAndDeletedAfterItsRetention() {
        String to = aRecipient();
        String secret = "r_" + "A".repeat(20) + "b-c_" + "9".repeat(19);
        Map<String, Object> model = announcement("Taro", "次回", "あなたのページ: https://firstpin.test/r/" + secret);
        model.put("actionUrl", "https://firstpin.test/r/" + secret + "/cant-come");
        OutgoingEmail email = new OutgoingEmail(null, to, Locale.JAPANESE, "notification/announcement", model,
                "secret-link:" + to).withListUnsubscribe("https://firstpin.test/api/v1/segment-messages/" + secret
                        + "/unsubscribe");
        inTransaction(() -> notifications.send(email));

        QueuedEmail kept = sentEmail(email.dedupKey());
        ReceivedEmail received = receivedExactly(to, 1).get(0);

        assertThat(received.text()).contains(secret);
        assertThat(kept.text()).doesNotContain(secret).contains("/r/[removed]");
        assertThat(kept.html()).doesNotContain(secret);
        assertThat(kept.listUnsubscribe()).isNull();
        String pending = "pending:" + to;
        inTransaction(() -> notifications.send(announcementTo("nobody@invalid.test", Locale.JAPANESE, pending)));
        outbox.deleteOlderThan(Instant.now().plus(Duration.ofDays(1)));
        assertThat(notifications.find(email.dedupKey())).isEmpty();
    }

    @Test
    void aNameTypedByARegistrantReachesTheMailWithoutALinkAMailClientWouldFollow() {
        String to = aRecipient();
        inTransaction(() -> notifications.send(new OutgoingEmail(null, to, Locale.ENGLISH, "notification/announcement",
                announcement("Win a prize at http://evil.example/login or www.evil.example", "Next", "Body"),
                "named:" + to)));

        ReceivedEmail received = receivedExactly(to, 1).get(0);

        assertThat(received.text()).contains("Win a prize").doesNotContain("http://evil.example")
                .doesNotContain("www.evil.example");
    }

    @Test
    void anEmailQueuedInACommittedTransactionIsDeliveredOnceInJapanese() {
        long organization = organizations.found(new Slug("mail-ja"), "Mail JA").id();
        String to = aRecipient();
        OutgoingEmail email = new OutgoingEmail(organization, to, Locale.JAPANESE, "notification/announcement",
                announcement("山田 太郎", "次回の勉強会 <b>LT 募集</b>", "会場は目黒です。\n<script>alert('x')</script> & 懇親会"),
                "announcement:ja:" + to);

        boolean queued = inTransaction(() -> notifications.send(email));

        assertThat(queued).isTrue();
        QueuedEmail sent = sentEmail(email.dedupKey());
        ReceivedEmail received = receivedExactly(to, 1).get(0);
        assertThat(received.subject()).isEqualTo("【JAWS-UG】次回の勉強会 <b>LT 募集</b>");
        assertThat(received.from()).isEqualTo("Firstpin <no-reply@firstpin.test>");
        assertThat(received.text())
                .contains("山田 太郎 さん", "会場は目黒です。", "<script>alert('x')</script> & 懇親会",
                        "https://firstpin.test/e/42", "このメールは JAWS-UG が Firstpin からお送りしています。");
        assertThat(received.html())
                .contains("山田 太郎 さん", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; 懇親会",
                        "<a href=\"https://firstpin.test/e/42\">")
                .doesNotContain("<script>");
        assertThat(received.contentType()).startsWith("multipart/alternative");
        assertThat(received.messageId()).isEqualTo(sent.messageId()).matches("<[0-9a-f-]{36}@firstpin\\.test>");
        assertThat(received.header("Content-Language")).isEqualTo("ja");
        assertThat(received.header("Auto-Submitted")).isEqualTo("auto-generated");
        assertThat(received.header("List-Unsubscribe")).isNull();
        assertThat(sent.organizationId()).isEqualTo(organization);
        assertThat(sent.attempts()).isZero();
        assertThat(sent.sentAt()).isNotNull();
    }

    @Test
    void anEmailIsWrittenInTheRecipientsLanguage() {
        String to = aRecipient();
        OutgoingEmail email = new OutgoingEmail(null, to, Locale.ENGLISH, "notification/announcement",
                announcement("Jane Doe", "Next meetup", "We meet in Meguro."), "announcement:en:" + to)
                .withListUnsubscribe("https://firstpin.test/unsubscribe/abc");

        inTransaction(() -> notifications.send(email));

        sentEmail(email.dedupKey());
        ReceivedEmail received = receivedExactly(to, 1).get(0);
        assertThat(received.subject()).isEqualTo("JAWS-UG: Next meetup");
        assertThat(received.text()).contains("Hello Jane Doe,", "We meet in Meguro.",
                "This email was sent by JAWS-UG through Firstpin.");
        assertThat(received.html()).contains("Hello Jane Doe,");
        assertThat(received.header("Content-Language")).isEqualTo("en");
        assertThat(received.header("List-Unsubscribe")).isEqualTo("<https://firstpin.test/unsubscribe/abc>");
        assertThat(received.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
    }

    @Test
    void anEmailQueuedInATransactionThatRollsBackIsNeverSent() {
        String to = aRecipient();
        OutgoingEmail email = announcementTo(to, Locale.JAPANESE, "announcement:rolled-back:" + to);

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            notifications.send(email);
            status.setRollbackOnly();
        });
        String control = aRecipient();
        inTransaction(() -> notifications.send(announcementTo(control, Locale.JAPANESE, "announcement:control:" + control)));

        receivedExactly(control, 1);
        assertThat(notifications.find(email.dedupKey())).isEmpty();
        assertThat(TestSmtp.receivedBy(smtp, to)).isEmpty();
    }

    @Test
    void theSameDedupKeyTwiceQueuesOneEmail() {
        String to = aRecipient();
        String key = "registration-confirmed:" + to;

        boolean first = inTransaction(() -> notifications.send(announcementTo(to, Locale.JAPANESE, key)));
        boolean second = inTransaction(() -> notifications.send(announcementTo(to, Locale.ENGLISH, key)));
        boolean rendered = inTransaction(() -> notifications.sendRendered(
                new RenderedEmail(null, to, Locale.ENGLISH, "Again", "Again", null, key, null)));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(rendered).isFalse();
        sentEmail(key);
        assertThat(receivedExactly(to, 1).get(0).subject()).startsWith("【JAWS-UG】");
    }

    @Test
    void transactionsQueuingTheSameDedupKeyAtOnceQueueOneEmail() throws Exception {
        String to = aRecipient();
        String key = "reminder:" + to;
        int callers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return inTransaction(() -> notifications.sendRendered(
                            new RenderedEmail(null, to, Locale.ENGLISH, "Reminder", "See you tonight.", null, key, null)));
                }));
            }
            start.countDown();
            List<Boolean> queued = new ArrayList<>();
            for (Future<Boolean> answer : answers) {
                queued.add(answer.get(30, TimeUnit.SECONDS));
            }

            assertThat(queued).containsOnlyOnce(true).hasSize(callers);
        } finally {
            pool.shutdownNow();
        }
        sentEmail(key);
        ReceivedEmail received = receivedExactly(to, 1).get(0);
        assertThat(received.text()).isEqualTo("See you tonight.");
        assertThat(received.contentType()).startsWith("text/plain");
    }

    @Test
    void queuingOutsideATransactionIsRefused() {
        String to = aRecipient();

        assertThatThrownBy(() -> notifications.send(announcementTo(to, Locale.JAPANESE, "outside:" + to)))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(notifications.find("outside:" + to)).isEmpty();
    }

    @Test
    void aTemplateThatDoesNotExistFailsTheCallersTransaction() {
        String to = aRecipient();
        OutgoingEmail email = new OutgoingEmail(null, to, Locale.JAPANESE, "notification/no-such-template", Map.of(),
                "missing:" + to);

        assertThatThrownBy(() -> inTransaction(() -> notifications.send(email))).isInstanceOf(RuntimeException.class);
        assertThat(notifications.find(email.dedupKey())).isEmpty();
    }

    @Test
    void aMalformedAddressIsInvalidInput() {
        assertThatThrownBy(() -> announcementTo("not an address", Locale.JAPANESE, "malformed"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("validation.email"));
    }

    @Test
    void theOutboxIsMeasuredByStatus() {
        assertThat(meters.get("firstpin.mail.outbox").tag("status", "pending").gauge().value()).isNotNegative();
        assertThat(meters.get("firstpin.mail.outbox").tag("status", "failed").gauge().value()).isZero();
        assertThat(notifications.countByStatus()).containsKeys(MailStatus.values());
    }
}
