package io.firstpin.output.internal;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.firstpin.output.FeedItem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Reads RSS 0.9x–2.0, RSS 1.0 (RDF) and Atom with ROME, as Hatena Blog, note, Qiita, Zenn, Medium, dev.to and WordPress
 * publish them. Document type declarations are refused (ROME's default), so a feed cannot make the reader fetch or
 * expand external entities.
 */
@Component
public class FeedReader {

    /** A feed that is not RSS or Atom, or not well-formed. */
    public static class UnreadableFeed extends Exception {
        UnreadableFeed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public List<FeedItem> read(byte[] body, String contentType, URI feedAddress) throws UnreadableFeed {
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            feed = new SyndFeedInput().build(reader);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new UnreadableFeed("not an RSS or Atom feed: " + e.getMessage(), e);
        }
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String link = linkOf(entry, feedAddress);
            if (link != null) {
                items.add(new FeedItem(link, entry.getTitle(), contentOf(entry), publishedAt(entry)));
            }
        }
        return items;
    }

    /** The entry's page: its alternate link, else a link-like id (Atom), resolved against the feed's address. */
    private static String linkOf(SyndEntry entry, URI feedAddress) {
        String link = entry.getLink();
        if (link == null || link.isBlank()) {
            link = entry.getLinks().stream()
                    .filter(l -> l.getRel() == null || "alternate".equals(l.getRel()))
                    .map(SyndLink::getHref)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(entry.getUri());
        }
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            return feedAddress.resolve(link.strip()).toString();
        } catch (IllegalArgumentException notAnAddress) {
            return null;
        }
    }

    private static String contentOf(SyndEntry entry) {
        Stream<SyndContent> description = entry.getDescription() == null ? Stream.empty() : Stream.of(entry.getDescription());
        return Stream.concat(description, entry.getContents().stream())
                .map(SyndContent::getValue)
                .filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
    }

    private static Instant publishedAt(SyndEntry entry) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date == null ? null : date.toInstant();
    }
}
