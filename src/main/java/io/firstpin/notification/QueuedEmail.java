package io.firstpin.notification;

import java.time.Instant;
import java.util.Locale;

/**
 * An email in the outbox as it was rendered, with how its delivery stands.
 *
 * @param messageId the Message-ID header, angle brackets included; the same on every attempt
 * @param attempts failed attempts so far (a sent email keeps the count of the failures before it went out)
 * @param nextAttemptAt when a pending email is tried next
 * @param lastError the last failure, shortened; null if none
 */
public record QueuedEmail(long id, Long organizationId, String dedupKey, String messageId, String to, Locale locale,
        String subject, String text, String html, String listUnsubscribe, MailStatus status, int attempts,
        Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {

    public boolean isPending() {
        return status == MailStatus.PENDING;
    }
}
