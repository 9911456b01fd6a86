package io.firstpin.notification;

import java.util.List;
import java.util.Map;

/**
 * One page of an event's sent mail, newest first.
 *
 * @param status the status the page is narrowed to, or null for all
 * @param counts how many of the event's emails stand at each status (whatever the page is narrowed to)
 * @param page the page, from 0
 * @param mailServer whether an SMTP server is configured; without one every email waits
 */
public record EventMails(List<EventMail> mails, Map<MailStatus, Long> counts, MailStatus status, int page,
        int pageSize, boolean mailServer) {

    public EventMails {
        mails = List.copyOf(mails);
        counts = Map.copyOf(counts);
    }

    /** The emails of the status shown, or all of them. */
    public long total() {
        return status == null ? counts.values().stream().mapToLong(Long::longValue).sum() : counts.get(status);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * pageSize < total();
    }
}
