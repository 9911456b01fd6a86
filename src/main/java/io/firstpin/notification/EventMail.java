package io.firstpin.notification;

import java.time.Instant;

/**
 * An email about an event as staff see it in the event's sent mail: to whom, what, and how its delivery stands. Never
 * its bodies, which held private links; the subject is kept with any private link cut out.
 *
 * @param kind the template, {@code <module>/<name>} (e.g. {@code registration/confirmed}), or for an email written by
 *        its caller the first part of its dedup key
 * @param subject the subject, or null when it cannot be written (a template that no longer renders)
 * @param problem what stands in the way of delivery; null when nothing does
 * @param lastError the SMTP server's last reply or the failure, without the local part of any address; null if none
 */
public record EventMail(long id, String to, String kind, String subject, MailStatus status, int attempts,
        DeliveryProblem problem, String lastError, Instant createdAt, Instant sentAt, Instant nextAttemptAt) {

    /** The module part of the kind, e.g. {@code registration}. */
    public String kindModule() {
        int slash = kind.indexOf('/');
        return slash < 0 ? kind : kind.substring(0, slash);
    }
}
