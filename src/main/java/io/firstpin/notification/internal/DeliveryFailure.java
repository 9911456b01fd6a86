package io.firstpin.notification.internal;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.util.regex.Pattern;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/**
 * Why an attempt to send failed, and whether trying again could help. Permanent: the message cannot be built, or the
 * SMTP server refused the recipient for good (a 5xx reply to RCPT TO). Everything else (the server is down, slow,
 * busy, or rejects the credentials) is worth another attempt later. The description names no recipient (see
 * {@link #shorten}).
 */
public record DeliveryFailure(boolean permanent, String description) {

    static final int MAX_DESCRIPTION = 1000;

    /** An email address as an SMTP server quotes it back; only its domain is kept, which is what diagnosing needs. */
    private static final Pattern ADDRESS = Pattern.compile("[\\w.!#$%&'*+/=?^`{|}~-]+@([\\w-]+(\\.[\\w-]+)+)");

    public DeliveryFailure {
        description = shorten(description);
    }

    public static DeliveryFailure of(Exception problem) {
        boolean permanent = problem instanceof MessagingException
                || problem instanceof MailParseException
                || problem instanceof MailPreparationException
                || recipientRefused(problem);
        return new DeliveryFailure(permanent, describe(problem));
    }

    /**
     * The template could not be rendered: a fault of the application, not of the mail server, so waiting does not help;
     * once it is fixed, {@code Notifications.retry} sends the email again.
     */
    public static DeliveryFailure unrenderable(RuntimeException problem) {
        return new DeliveryFailure(true, "not rendered: " + describe(problem));
    }

    private static boolean recipientRefused(Exception problem) {
        if (problem instanceof MailSendException) {
            for (Exception failed : ((MailSendException) problem).getFailedMessages().values()) {
                if (refusedOnly(failed)) {
                    return true;
                }
            }
        }
        int depth = 0;
        for (Throwable cause = problem; cause != null && depth < 8; cause = next(cause), depth++) {
            if (refusedOnly(cause)) {
                return true;
            }
        }
        return false;
    }

    /** JavaMail lists recipients refused with a 5xx reply as invalid, and those refused for now (4xx) as unsent. */
    private static boolean refusedOnly(Throwable problem) {
        if (!(problem instanceof SendFailedException)) {
            return false;
        }
        SendFailedException failed = (SendFailedException) problem;
        return isPresent(failed.getInvalidAddresses())
                && !isPresent(failed.getValidSentAddresses())
                && !isPresent(failed.getValidUnsentAddresses());
    }

    private static boolean isPresent(Address[] addresses) {
        return addresses != null && addresses.length > 0;
    }

    private static String describe(Throwable problem) {
        StringBuilder text = new StringBuilder();
        String previous = null;
        int depth = 0;
        for (Throwable cause = problem; cause != null && depth < 8; cause = next(cause), depth++) {
            String message = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage().strip());
            if (!message.equals(previous)) {
                text.append(text.length() == 0 ? "" : "; caused by ").append(message);
            }
            previous = message;
        }
        return text.toString();
    }

    /** JavaMail keeps the server's reply in the chained "next exception", not always in the cause. */
    private static Throwable next(Throwable problem) {
        if (problem.getCause() != null) {
            return problem.getCause();
        }
        return problem instanceof MessagingException ? ((MessagingException) problem).getNextException() : null;
    }

    /** One line, without the local part of any address: it goes to the log and the outbox, both kept a long time. */
    private static String shorten(String text) {
        String line = text == null ? "" : ADDRESS.matcher(text).replaceAll("***@$1").replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_DESCRIPTION ? line : line.substring(0, MAX_DESCRIPTION - 1) + "…";
    }
}
