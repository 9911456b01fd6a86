package io.firstpin.notification.internal;

import java.util.regex.Pattern;

/**
 * What is kept of an email once it is sent: its text with every private link's secret cut out. Secrets are what
 * {@code platform.Secrets.newSecret} makes, a short prefix and 43 characters of URL-safe Base64 (registration pages
 * {@code r_}, nudges, unsubscribe links, tokens), so they are recognised wherever they stand.
 */
public final class SentMail {

    static final String REMOVED = "[removed]";

    private static final Pattern SECRET = Pattern.compile("(?<![A-Za-z0-9_-])[a-z]{1,4}_[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])");

    private SentMail() {
    }

    public static String withoutSecrets(String text) {
        return text == null ? null : SECRET.matcher(text).replaceAll(REMOVED);
    }
}
