package io.firstpin.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestSmtp;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retries with backoff while the SMTP server is away: 300 ms, 600 ms, then 1 s apart, giving up after 5 attempts. The
 * notification module needs no other module, so it starts alone.
 */
@DatabaseTest
@ApplicationModuleTest
@TestPropertySource(properties = {"firstpin.mail.poll-interval=100ms", "db-scheduler.polling-interval=100ms",
        "firstpin.mail.retry-backoff=300ms", "firstpin.mail.max-retry-backoff=1s", "firstpin.mail.max-attempts=5",
        "management.endpoint.health.validate-group-membership=false"})
@DirtiesContext
class SmtpOutageTests {

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
    PlatformTransactionManager transactions;

    private RenderedEmail aReminder() {
        String to = "outage" + RECIPIENTS.incrementAndGet() + "@example.com";
        return new RenderedEmail(null, to, Locale.JAPANESE, "明日は勉強会です", "19:00 開始です。", null, "reminder:" + to, null);
    }

    private void queue(RenderedEmail email) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> notifications.sendRendered(email));
    }

    private QueuedEmail once(RenderedEmail email, Predicate<QueuedEmail> condition) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                .until(() -> notifications.find(email.dedupKey()).orElseThrow(), condition);
    }

    @Test
    void whileTheServerIsDownAnEmailStaysPendingAndIsTriedAgainLaterAndLater() {
        smtp.stop();
        RenderedEmail email = aReminder();

        queue(email);

        QueuedEmail afterOne = once(email, e -> e.attempts() >= 1);
        assertThat(afterOne.status()).isEqualTo(MailStatus.PENDING);
        assertThat(afterOne.lastError()).isNotBlank();
        assertThat(afterOne.nextAttemptAt()).isAfterOrEqualTo(afterOne.createdAt().plusMillis(300));
        QueuedEmail afterTwo = once(email, e -> e.attempts() >= 2);
        assertThat(afterTwo.status()).isEqualTo(MailStatus.PENDING);
        // each attempt comes only when the previous wait is over: 300 ms, then 600 ms
        assertThat(afterTwo.nextAttemptAt()).isAfterOrEqualTo(afterTwo.createdAt().plusMillis(300 + 600));
        assertThat(afterTwo.messageId()).isEqualTo(afterOne.messageId());
    }

    @Test
    void whenTheServerIsBackThePendingEmailIsDeliveredExactlyOnce() {
        smtp.stop();
        RenderedEmail email = aReminder();
        queue(email);
        QueuedEmail failed = once(email, e -> e.attempts() >= 2);

        smtp.start();

        QueuedEmail sent = once(email, e -> e.status() == MailStatus.SENT);
        await().atMost(PATIENCE).until(() -> TestSmtp.receivedBy(smtp, email.to()).size() == 1);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5))
                .until(() -> TestSmtp.receivedBy(smtp, email.to()).size() == 1);
        assertThat(TestSmtp.receivedBy(smtp, email.to()).get(0).messageId()).isEqualTo(failed.messageId());
        assertThat(sent.attempts()).isGreaterThanOrEqualTo(failed.attempts());
        assertThat(sent.lastError()).isNotBlank();
    }

    @Test
    void afterTheLastAttemptFailsTheEmailIsGivenUp() {
        smtp.stop();
        RenderedEmail email = aReminder();

        queue(email);

        QueuedEmail givenUp = once(email, e -> e.status() == MailStatus.FAILED);
        assertThat(givenUp.attempts()).isEqualTo(5);
        assertThat(givenUp.lastError()).isNotBlank();
        assertThat(givenUp.sentAt()).isNull();
        assertThat(notifications.countByStatus().get(MailStatus.FAILED)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aGivenUpEmailCanBeTriedAgainFromScratch() {
        smtp.stop();
        RenderedEmail email = aReminder();
        queue(email);
        once(email, e -> e.status() == MailStatus.FAILED);
        smtp.start();

        boolean retried = notifications.retry(email.dedupKey());

        assertThat(retried).isTrue();
        QueuedEmail sent = once(email, e -> e.status() == MailStatus.SENT);
        assertThat(sent.attempts()).isZero();
        await().atMost(PATIENCE).until(() -> TestSmtp.receivedBy(smtp, email.to()).size() == 1);
        assertThat(notifications.retry(email.dedupKey())).isFalse();
    }
}
