package io.firstpin.testing;

import io.firstpin.notification.Notifications;
import io.firstpin.notification.QueuedEmail;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the private link out of an email in the outbox, as its recipient would follow it. */
public final class MailedLinks {

    private static final Pattern LINK = Pattern.compile("http://firstpin\\.test(/[A-Za-z0-9/_-]+)");

    private MailedLinks() {
    }

    /** The path of the first link of the email queued under this dedup key. */
    public static String pathIn(Notifications notifications, String dedupKey) {
        QueuedEmail email = notifications.find(dedupKey)
                .orElseThrow(() -> new AssertionError("no email queued as " + dedupKey));
        Matcher link = LINK.matcher(email.text());
        if (!link.find()) {
            throw new AssertionError("no link in the email " + dedupKey + ":\n" + email.text());
        }
        return link.group(1);
    }
}
