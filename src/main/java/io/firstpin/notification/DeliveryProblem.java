package io.firstpin.notification;

import java.util.Locale;
import java.util.Optional;

/**
 * Why an email has not reached its recipient, in words staff can act on; the SMTP server's own reply stays available
 * beside it for whoever diagnoses.
 */
public enum DeliveryProblem {
    /** No SMTP server is configured (the quick start): the email waits in the outbox until one is. */
    NO_MAIL_SERVER,
    /** The SMTP server could not be reached or did not answer; the email is tried again later. */
    SERVER_UNREACHABLE,
    /** The SMTP server did not accept the application's sign-in. */
    SERVER_REFUSED_SIGN_IN,
    /** The recipient's address was refused for good. */
    RECIPIENT_REFUSED,
    /** The email could not be written from its template: a fault of the application. */
    NOT_RENDERED,
    /** Any other failure; the server's reply says more. */
    OTHER;

    /**
     * What stands in the way of the email, if anything: empty for a sent email and for one waiting its first attempt
     * with a mail server configured.
     */
    public static Optional<DeliveryProblem> of(MailStatus status, String lastError, boolean mailServer) {
        if (status == MailStatus.SENT) {
            return Optional.empty();
        }
        if (lastError == null || lastError.isBlank()) {
            return status == MailStatus.PENDING && !mailServer ? Optional.of(NO_MAIL_SERVER)
                    : status == MailStatus.FAILED ? Optional.of(OTHER) : Optional.empty();
        }
        String error = lastError.toLowerCase(Locale.ROOT);
        if (error.startsWith("not rendered")) {
            return Optional.of(NOT_RENDERED);
        }
        if (error.contains("authentication")) {
            return Optional.of(SERVER_REFUSED_SIGN_IN);
        }
        if (error.contains("invalid addresses") || error.contains("sendfailedexception")
                || error.contains("addressexception")) {
            return Optional.of(RECIPIENT_REFUSED);
        }
        if (error.contains("connect") || error.contains("timed out") || error.contains("timeout")
                || error.contains("unknownhost")) {
            return Optional.of(SERVER_UNREACHABLE);
        }
        return Optional.of(OTHER);
    }
}
