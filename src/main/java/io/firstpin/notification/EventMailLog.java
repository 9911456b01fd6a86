package io.firstpin.notification;

import io.firstpin.notification.internal.MailTemplates;
import io.firstpin.notification.internal.Outbox;
import io.firstpin.notification.internal.SentMail;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What was sent to whom about an event: the emails queued with {@link OutgoingEmail#about}, while the outbox keeps them
 * ({@code firstpin.mail.sent-kept-for}). The caller decides who may see them; recipients' addresses are personal data.
 */
@Service
public class EventMailLog {

    public static final int PAGE_SIZE = 50;

    private final Outbox outbox;
    private final MailTemplates templates;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final Clock clock;

    EventMailLog(Outbox outbox, MailTemplates templates, ObjectProvider<JavaMailSender> mailSender, Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.templates = templates;
        this.mailSender = mailSender;
    }

    /** One page (from 0) of the event's emails, newest first; {@code status} narrows them, null shows all. */
    @Transactional(readOnly = true)
    public EventMails of(long organizationId, long eventId, MailStatus status, int page) {
        int from = Math.max(page, 0);
        boolean mailServer = mailSender.getIfAvailable() != null;
        var mails = outbox.ofEvent(organizationId, eventId, status, from * PAGE_SIZE, PAGE_SIZE).stream()
                .map(listed -> new EventMail(listed.id(), listed.to(), kind(listed), subject(listed), listed.status(),
                        listed.attempts(),
                        DeliveryProblem.of(listed.status(), listed.lastError(), mailServer).orElse(null),
                        SentMail.withoutSecrets(listed.lastError()), listed.createdAt(), listed.sentAt(),
                        listed.nextAttemptAt()))
                .toList();
        return new EventMails(mails, outbox.countOfEvent(organizationId, eventId), status, from, PAGE_SIZE,
                mailServer);
    }

    /**
     * Sends a given-up email about the event again from scratch, e.g. once the mail server or the address is fixed;
     * false when the event of the organization has no such email given up.
     */
    @Transactional
    public boolean retry(long organizationId, long eventId, long mailId) {
        return outbox.requeueFailed(organizationId, eventId, mailId, clock.instant());
    }

    private static String kind(Outbox.Listed listed) {
        if (listed.template() != null) {
            return listed.template();
        }
        int colon = listed.dedupKey().indexOf(':');
        return colon < 0 ? listed.dedupKey() : listed.dedupKey().substring(0, colon);
    }

    /** A subject not rendered yet is written now from the model, and like a sent one shown without private links. */
    private String subject(Outbox.Listed listed) {
        if (listed.subject() != null) {
            return SentMail.withoutSecrets(listed.subject());
        }
        try {
            return SentMail.withoutSecrets(templates.subject(new OutgoingEmail(null, listed.to(), listed.locale(),
                    listed.template(), listed.model(), listed.dedupKey())));
        } catch (RuntimeException unrenderable) {
            return null;
        }
    }
}
