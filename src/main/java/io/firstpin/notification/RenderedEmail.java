package io.firstpin.notification;

import java.util.Locale;

/**
 * An email whose subject and bodies are already written, for callers that compose them themselves. Prefer
 * {@link OutgoingEmail}: templates escape user text in the HTML part, this record takes the HTML as it is.
 *
 * @param organizationId the organization the email is sent for; null for an instance email
 * @param to the recipient's address
 * @param locale the recipient's language; null means Japanese
 * @param subject one line; line breaks are folded into spaces
 * @param text the plain-text body (required)
 * @param html the HTML body, or null for a plain-text email
 * @param dedupKey names the promise: a second email with the same key is not queued
 * @param listUnsubscribe the one-click unsubscribe URL for non-transactional email, or null
 */
public record RenderedEmail(Long organizationId, String to, Locale locale, String subject, String text, String html,
        String dedupKey, String listUnsubscribe) {

    public RenderedEmail {
        to = EmailRules.address(to);
        locale = EmailRules.locale(locale);
        subject = EmailRules.subject(subject);
        text = EmailRules.body("text", text, true);
        html = EmailRules.body("html", html, false);
        dedupKey = EmailRules.dedupKey(dedupKey);
        listUnsubscribe = EmailRules.listUnsubscribe(listUnsubscribe);
    }
}
