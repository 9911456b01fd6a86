package io.firstpin.output;

import java.time.Instant;
import java.util.List;

/**
 * An event as the linking rules see it.
 *
 * @param urls the addresses that name the event: its public page, and its connpass page where it was imported from one
 * @param hashtag without its {@code #}; null when the event has none
 */
public record LinkTarget(long eventId, Instant startsAt, Instant endsAt, List<String> urls, String hashtag) {

    public LinkTarget {
        urls = List.copyOf(urls);
    }
}
