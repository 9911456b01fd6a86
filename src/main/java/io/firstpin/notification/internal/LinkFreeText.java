package io.firstpin.notification.internal;

import java.util.regex.Pattern;

/**
 * Text someone typed (a registrant's name) made safe to show in an email: whatever a mail client would turn into a
 * link (an address with a scheme, {@code www.}, a host name, an email address) loses the characters that make it one
 * (the dots, colons, slashes and at signs become their full-width forms), so that a name like
 * {@code http://evil.example} cannot be used to send a link in the application's name. Ordinary names are unchanged.
 */
final class LinkFreeText {

    private static final Pattern LINK_LIKE = Pattern.compile(
            "(?i)([a-z][a-z0-9+.-]*:|www\\.|@|[a-z0-9-]+\\.[a-z]{2,})");

    private LinkFreeText() {
    }

    static String of(String text) {
        if (text == null || !LINK_LIKE.matcher(text).find()) {
            return text;
        }
        return text.replace('.', '．').replace(':', '：').replace('/', '／').replace('@', '＠');
    }
}
