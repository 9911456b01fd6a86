package io.firstpin.notification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An email written as a template and its model, rendered in the recipient's language when it is sent. The model is
 * stored with the queued email, so it holds plain JSON values only: text, numbers, booleans, null, and lists and maps of
 * them; anything richer (a date, say) is formatted by the caller.
 *
 * <p>{@code template} is {@code <module>/<name>}: the text part is {@code templates/mail/<module>/<name>.txt}
 * (Thymeleaf TEXT mode, required), the HTML part {@code templates/mail/<module>/<name>.html} (HTML mode, optional; all
 * {@code th:text} output is escaped). The subject is the message {@code mail.<module>.<name>.subject}, itself a
 * Thymeleaf TEXT template over the same model, e.g. {@code 【[(${eventTitle})]】参加登録が完了しました}. Templates and subject
 * may use {@code #{...}} messages and {@code @fmt}, both in the recipient's language, and {@code ${baseUrl}}. The model
 * value {@code recipientName} is shown as text a mail client will not turn into a link, since a registrant typed it.
 * Once sent, the email is kept without its private links and deleted after {@code firstpin.mail.sent-kept-for}.
 *
 * @param organizationId the organization the email is sent for; null for an instance email
 * @param to the recipient's address
 * @param locale the recipient's language; null means Japanese
 * @param template {@code <module>/<name>}, lower-case letters, digits and hyphens
 * @param model the values the templates and the subject use: JSON values, which may be null
 * @param dedupKey names the promise, e.g. {@code registration-confirmed:123}: a second email with the same key is not
 *        queued
 * @param listUnsubscribe the one-click unsubscribe URL (RFC 8058: it must accept a POST) for every email that is not
 *        transactional; sent as {@code List-Unsubscribe}; null for transactional email
 * @param eventId the event the email is about, so staff see it among that event's mail; null for any other email
 */
public record OutgoingEmail(Long organizationId, String to, Locale locale, String template, Map<String, Object> model,
        String dedupKey, String listUnsubscribe, Long eventId) {

    private static final Pattern TEMPLATE = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)+");

    public OutgoingEmail {
        to = EmailRules.address(to);
        locale = EmailRules.locale(locale);
        if (template == null || !TEMPLATE.matcher(template).matches()) {
            throw new IllegalArgumentException("a template is named <module>/<name>: " + template);
        }
        model = model == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(EmailRules.model(model)));
        dedupKey = EmailRules.dedupKey(dedupKey);
        listUnsubscribe = EmailRules.listUnsubscribe(listUnsubscribe);
    }

    /** A transactional email: one the recipient asked for, such as a registration confirmation. */
    public OutgoingEmail(Long organizationId, String to, Locale locale, String template, Map<String, Object> model,
            String dedupKey) {
        this(organizationId, to, locale, template, model, dedupKey, null, null);
    }

    /** The same email with a one-click unsubscribe link, as every non-transactional email needs. */
    public OutgoingEmail withListUnsubscribe(String url) {
        return new OutgoingEmail(organizationId, to, locale, template, model, dedupKey, url, eventId);
    }

    /** The same email filed under the event it is about: staff find it among that event's sent mail. */
    public OutgoingEmail about(long event) {
        return new OutgoingEmail(organizationId, to, locale, template, model, dedupKey, listUnsubscribe, event);
    }

    /** The message code of the subject: {@code mail.<module>.<name>.subject}. */
    public String subjectCode() {
        return "mail." + template.replace('/', '.') + ".subject";
    }
}
