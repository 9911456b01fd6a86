package io.firstpin.notification;

import static io.firstpin.platform.db.Tables.SCHEDULED_TASKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.firstpin.FirstpinApplication;
import io.firstpin.testing.TestSmtp;
import io.firstpin.testing.TestSmtp.ReceivedEmail;
import io.firstpin.notification.internal.OutboxSender;
import io.firstpin.testing.DatabaseTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two application instances on one database, as in a cluster: this test's context and a second application started
 * beside it with the same datasource. Every email is sent once, whichever instance sends it.
 */
@DatabaseTest
@ApplicationModuleTest
@TestPropertySource(properties = {"firstpin.mail.poll-interval=100ms", "db-scheduler.polling-interval=100ms",
        "firstpin.mail.batch-size=7", "db-scheduler.scheduler-name=first",
        "management.endpoint.health.validate-group-membership=false"})
@DirtiesContext
class TwoSendersTests {

    private static final int SMTP_PORT = TestSmtp.freePort();
    private static final int EMAILS = 50;

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.on(SMTP_PORT);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtp.serve(registry, SMTP_PORT);
    }

    @Autowired
    Notifications notifications;
    @Autowired
    OutboxSender sender;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Environment environment;
    @Autowired
    DSLContext db;

    private ConfigurableApplicationContext second;

    @AfterEach
    void stopTheSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    /** The same application once more, on this test's database and mail server. */
    private ConfigurableApplicationContext aSecondInstance() {
        return new SpringApplicationBuilder(FirstpinApplication.class).run(
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                "--server.port=0",
                "--spring.jmx.enabled=false",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + SMTP_PORT,
                "--firstpin.mail.poll-interval=100ms",
                "--firstpin.mail.batch-size=5",
                "--db-scheduler.polling-interval=100ms",
                "--db-scheduler.scheduler-name=second");
    }

    @Test
    void fiftyPendingEmailsAreEachDeliveredExactlyOnceByTwoInstances() throws Exception {
        second = aSecondInstance();
        OutboxSender secondSender = second.getBean(OutboxSender.class);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 1; i <= EMAILS; i++) {
                notifications.sendRendered(new RenderedEmail(null, "cluster" + i + "@example.com", Locale.ENGLISH,
                        "Email " + i, "Body " + i, null, "cluster:" + i, null));
            }
        });

        // besides both schedulers, drive both senders from several threads at once, so that they compete for rows
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> runs = new ArrayList<>();
        try {
            for (OutboxSender instance : List.of(sender, secondSender, sender, secondSender)) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return instance.sendDue(() -> false);
                }));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        await().atMost(Duration.ofSeconds(60))
                .until(() -> notifications.countByStatus().get(MailStatus.SENT) == EMAILS);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(10))
                .until(() -> smtp.getReceivedMessages().length == EMAILS);
        List<ReceivedEmail> received = Arrays.stream(smtp.getReceivedMessages()).map(ReceivedEmail::of).toList();
        assertThat(received).extracting(ReceivedEmail::subject).doesNotHaveDuplicates().hasSize(EMAILS);
        assertThat(received.stream().collect(Collectors.toMap(ReceivedEmail::to, Function.identity()))).hasSize(EMAILS);
        for (ReceivedEmail email : received) {
            QueuedEmail queued = notifications.find("cluster:" + email.subject().substring("Email ".length())).orElseThrow();
            assertThat(email.messageId()).isEqualTo(queued.messageId());
            assertThat(email.to()).isEqualTo(queued.to());
        }
        assertThat(notifications.countByStatus().get(MailStatus.PENDING)).isZero();
        // both instances share the one scheduled execution of the sender, which db-scheduler lets one pick at a time
        assertThat(db.fetchCount(SCHEDULED_TASKS, SCHEDULED_TASKS.TASK_NAME.eq("notification-outbox-sender"))).isEqualTo(1);
    }
}
