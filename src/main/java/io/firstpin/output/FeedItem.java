package io.firstpin.output;

import java.time.Instant;

/**
 * One post of a feed, as the linking rules see it.
 *
 * @param content the post's summary and body, HTML as the feed carries it
 * @param publishedAt when it was published (or, lacking that, last updated); null when the feed does not say
 */
public record FeedItem(String url, String title, String content, Instant publishedAt) {

    public FeedItem {
        title = title == null ? "" : title;
        content = content == null ? "" : content;
    }
}
