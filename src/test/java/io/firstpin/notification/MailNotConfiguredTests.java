package io.firstpin.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.notification.internal.OutboxSender;
import io.firstpin.testing.DatabaseTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The quick start has no SMTP server: the application runs, and promised emails wait in the outbox. */
@DatabaseTest
@SpringBootTest
class MailNotConfiguredTests {

    @Autowired
    Notifications notifications;
    @Autowired
    OutboxSender sender;
    @Autowired
    ObjectProvider<JavaMailSender> mailSender;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void withoutAnSmtpServerEmailsStayPendingUntouched() {
        RenderedEmail email = new RenderedEmail(null, "quickstart@example.com", Locale.JAPANESE, "ようこそ", "ようこそ。",
                null, "welcome:quickstart", null);
        new TransactionTemplate(transactions).executeWithoutResult(status -> notifications.sendRendered(email));

        int sent = sender.sendDue(() -> false);

        assertThat(mailSender.getIfAvailable()).isNull();
        assertThat(sent).isZero();
        QueuedEmail queued = notifications.find(email.dedupKey()).orElseThrow();
        assertThat(queued.status()).isEqualTo(MailStatus.PENDING);
        assertThat(queued.attempts()).isZero();
        assertThat(queued.lastError()).isNull();
    }
}
