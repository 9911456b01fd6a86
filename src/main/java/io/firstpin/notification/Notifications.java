package io.firstpin.notification;

import io.firstpin.notification.internal.MailOrigin;
import io.firstpin.notification.internal.MailTemplates;
import io.firstpin.notification.internal.Outbox;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends email through the transactional outbox. {@link #send} and {@link #sendRendered} must be called inside the
 * caller's transaction ({@link Propagation#MANDATORY}): the email is queued with the business change and exists exactly
 * when that change commits; a rollback takes it away unsent. The outbox sender delivers it within seconds, retrying
 * with backoff while the SMTP server is unreachable.
 */
@Service
public class Notifications {

    private final Outbox outbox;
    private final MailTemplates templates;
    private final MailOrigin origin;
    private final Clock clock;

    Notifications(Outbox outbox, MailTemplates templates, MailOrigin origin, Clock clock) {
        this.outbox = outbox;
        this.templates = templates;
        this.origin = origin;
        this.clock = clock;
    }

    /**
     * Queues the email: one insert, so that callers holding a lock (a frame's, while registering) are not slowed down;
     * the sender renders it in the recipient's language on its first attempt. Answers false, queuing nothing, when an
     * email with the same dedup key is queued already (also when a concurrent transaction queues it at the same time).
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean send(OutgoingEmail email) {
        templates.requireTemplate(email);
        return outbox.add(email, origin.newMessageId(), clock.instant());
    }

    /** Queues an email written by the caller; as {@link #send}, a dedup key queued before makes it a no-op. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean sendRendered(RenderedEmail email) {
        return queue(email);
    }

    /**
     * The email queued under this dedup key, with how its delivery stands; one not rendered yet is shown as it will be
     * sent.
     */
    @Transactional(readOnly = true)
    public Optional<QueuedEmail> find(String dedupKey) {
        return outbox.find(dedupKey).map(entry -> entry.unrendered() == null ? entry.email()
                : entry.renderedWith(templates.render(entry.unrendered())));
    }

    /** How many emails of the outbox are pending, sent and given up. */
    @Transactional(readOnly = true)
    public Map<MailStatus, Long> countByStatus() {
        return outbox.countByStatus();
    }

    /** Tries a given-up email again from scratch, e.g. once the mail server problem is fixed; false if it is not FAILED. */
    @Transactional
    public boolean retry(String dedupKey) {
        return outbox.requeueFailed(dedupKey, clock.instant());
    }

    private boolean queue(RenderedEmail email) {
        return outbox.add(email, origin.newMessageId(), clock.instant());
    }
}
