package io.firstpin.notification.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from FIRSTPIN_MAIL_FROM: the sender, e.g. {@code Firstpin <no-reply@example.com>}; empty means
 *        {@code Firstpin <no-reply@host of firstpin.base-url>}
 * @param pollInterval how often the outbox is checked for due emails
 * @param batchSize how many due emails are read at a time
 * @param maxAttempts failed attempts after which an email is given up (FAILED)
 * @param retryBackoff the wait after the first failed attempt; it doubles after each further one
 * @param maxRetryBackoff the longest wait between two attempts
 * @param smtpTimeout connect, read and write timeout towards the SMTP server, unless spring.mail.properties set them
 * @param sentKeptFor how long a sent (or given-up) email is kept, without its private links, before it is deleted
 */
@ConfigurationProperties("firstpin.mail")
public record MailProperties(@DefaultValue("") String from, @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("100") int batchSize, @DefaultValue("10") int maxAttempts,
        @DefaultValue("30s") Duration retryBackoff, @DefaultValue("1h") Duration maxRetryBackoff,
        @DefaultValue("30s") Duration smtpTimeout, @DefaultValue("30d") Duration sentKeptFor) {

    public MailProperties {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("firstpin.mail.poll-interval must be positive: " + pollInterval);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("firstpin.mail.batch-size must be 1 or more: " + batchSize);
        }
        if (sentKeptFor.isNegative()) {
            throw new IllegalArgumentException("firstpin.mail.sent-kept-for cannot be negative: " + sentKeptFor);
        }
        if (smtpTimeout.isNegative() || smtpTimeout.isZero()) {
            throw new IllegalArgumentException("firstpin.mail.smtp-timeout must be positive: " + smtpTimeout);
        }
    }

    RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, retryBackoff, maxRetryBackoff);
    }
}
