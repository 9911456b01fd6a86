package io.firstpin.notification;

/** Where a queued email stands. */
public enum MailStatus {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Given up: rejected for good, or too many failed attempts. */
    FAILED
}
