package io.firstpin.notification.internal;

import io.firstpin.notification.MailStatus;
import io.firstpin.notification.QueuedEmail;
import io.firstpin.notification.RenderedEmail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the due emails of the outbox over SMTP, one transaction per email: the row is locked, the email handed to the
 * SMTP server, and the row marked SENT before the lock is released, so a second sender never sends it too. Only if the
 * application or its database fails between the server's acceptance and the commit is an email sent again, with the
 * same Message-ID.
 * Without an SMTP server ({@code spring.mail.host} unset) nothing is sent and every email stays pending.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final Outbox outbox;
    private final MailTemplates templates;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final MailOrigin origin;
    private final RetryPolicy retry;
    private final int batchSize;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final MailDelivery delivery;

    OutboxSender(Outbox outbox, MailTemplates templates, ObjectProvider<JavaMailSender> mailSender, MailOrigin origin,
            MailProperties properties, Clock clock, PlatformTransactionManager transactions, MailDelivery delivery) {
        this.delivery = delivery;
        this.outbox = outbox;
        this.templates = templates;
        this.mailSender = mailSender;
        this.origin = origin;
        this.retry = properties.retryPolicy();
        this.batchSize = properties.batchSize();
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What became of one due email. */
    private enum Outcome { SENT, RETRY_LATER, GAVE_UP, TAKEN_ELSEWHERE }

    @EventListener(ApplicationReadyEvent.class)
    void reportMissingMailServer() {
        if (mailSender.getIfAvailable() == null) {
            log.warn("Mail is not configured (spring.mail.host is not set): emails are kept in the outbox and sent once "
                    + "an SMTP server is configured. Pending now: {}", outbox.count(MailStatus.PENDING));
        }
    }

    /**
     * Sends due emails, batch after batch, until none is due, no progress is possible (another sender holds them), or
     * {@code stop} says so; answers how many were sent. Does nothing when mail is not configured.
     */
    public int sendDue(BooleanSupplier stop) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        while (!stop.getAsBoolean()) {
            List<Long> due = outbox.dueIds(clock.instant(), batchSize);
            int handled = 0;
            for (long id : due) {
                if (stop.getAsBoolean()) {
                    return sent;
                }
                Outcome outcome = deliver(sender, id);
                handled += outcome == Outcome.TAKEN_ELSEWHERE ? 0 : 1;
                sent += outcome == Outcome.SENT ? 1 : 0;
            }
            if (due.size() < batchSize || handled == 0) {
                return sent;
            }
        }
        return sent;
    }

    private Outcome deliver(JavaMailSender sender, long id) {
        return transaction.execute(status -> {
            Optional<Outbox.Entry> claimed = outbox.claimIfDue(id, clock.instant());
            if (claimed.isEmpty()) {
                return Outcome.TAKEN_ELSEWHERE;
            }
            QueuedEmail email = claimed.get().email();
            if (claimed.get().unrendered() != null) {
                try {
                    RenderedEmail rendering = templates.render(claimed.get().unrendered());
                    outbox.storeRendered(id, rendering);
                    email = claimed.get().renderedWith(rendering);
                } catch (RuntimeException broken) {
                    return recordFailure(email, DeliveryFailure.unrenderable(broken));
                }
            }
            try {
                sender.send(compose(sender.createMimeMessage(), email));
            } catch (MessagingException | RuntimeException problem) {
                DeliveryFailure failure = DeliveryFailure.of(problem);
                delivery.failed(clock.instant(), failure);
                return recordFailure(email, failure);
            }
            delivery.succeeded(clock.instant());
            outbox.markSent(id, clock.instant(), email);
            return Outcome.SENT;
        });
    }

    private Outcome recordFailure(QueuedEmail email, DeliveryFailure failure) {
        int attempts = email.attempts() + 1;
        Instant now = clock.instant();
        Optional<Instant> next = failure.permanent() ? Optional.empty() : retry.nextAttempt(attempts, now);
        outbox.markFailed(email.id(), attempts, next, failure.description());
        if (next.isPresent()) {
            log.warn("Email {} ({}) could not be sent, attempt {}; next attempt at {}: {}", email.id(), email.dedupKey(),
                    attempts, next.get(), failure.description());
            return Outcome.RETRY_LATER;
        }
        log.error("Email {} ({}) given up after {} attempt(s){}: {}", email.id(), email.dedupKey(), attempts,
                failure.permanent() ? ", refused for good" : "", failure.description());
        return Outcome.GAVE_UP;
    }

    private MimeMessage compose(MimeMessage message, QueuedEmail email) throws MessagingException {
        message.setFrom(origin.from());
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(email.to(), true));
        message.setSubject(email.subject(), UTF_8);
        message.setSentDate(Date.from(clock.instant()));
        // kept by JavaMailSender on send; the same on every attempt, so a repeat is recognisable as one email
        message.setHeader("Message-ID", email.messageId());
        message.setHeader("Content-Language", email.locale().toLanguageTag());
        // RFC 3834: no auto-replies (out of office) to a machine
        message.setHeader("Auto-Submitted", "auto-generated");
        if (email.listUnsubscribe() != null) {
            message.setHeader("List-Unsubscribe", "<" + email.listUnsubscribe() + ">");
            if (email.listUnsubscribe().startsWith("http")) {
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
        }
        if (email.html() == null) {
            message.setText(email.text(), UTF_8);
            return message;
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), UTF_8);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), UTF_8, "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        return message;
    }
}
