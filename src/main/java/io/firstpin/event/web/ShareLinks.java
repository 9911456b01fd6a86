package io.firstpin.event.web;

import io.firstpin.event.Venue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Plain links that share an event page on X, Facebook, はてなブックマーク and LINE, and the map link of its venue: no
 * script of theirs on the page and nothing that tells them who looked, only the page's address and title in the link.
 */
record ShareLinks(List<Link> links) {

    /** A site to share on, by its name as people know it, and the address that opens its share dialog. */
    record Link(String id, String name, String href) {
    }

    static ShareLinks of(String url, String title) {
        String u = encode(url);
        String t = encode(title);
        return new ShareLinks(List.of(
                new Link("share-x", "X", "https://x.com/intent/post?text=" + t + "&url=" + u),
                new Link("share-facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u),
                new Link("share-hatena", "はてなブックマーク", "https://b.hatena.ne.jp/add?mode=confirm&url=" + u
                        + "&title=" + t),
                new Link("share-line", "LINE", "https://social-plugins.line.me/lineit/share?url=" + u)));
    }

    /** A map search for the venue (its name, address, city and prefecture), or null for an event without one. */
    static String mapOf(Venue venue, Locale locale) {
        if (venue == null) {
            return null;
        }
        String query = Stream.of(venue.name(),
                        venue.prefecture() == null ? null : venue.prefecture().displayName(locale), venue.city(),
                        venue.address())
                .filter(Objects::nonNull).map(String::strip).filter(part -> !part.isEmpty())
                .collect(Collectors.joining(" "));
        return query.isEmpty() ? null : "https://www.google.com/maps/search/?api=1&query=" + encode(query);
    }

    /** Percent-encoded for a query value, spaces as %20 (a + is read as a plus by some of these sites). */
    private static String encode(String text) {
        return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
