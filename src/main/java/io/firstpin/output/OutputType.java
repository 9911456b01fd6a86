package io.firstpin.output;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What an output is; written in lower case in the API. */
public enum OutputType {
    BLOG(List.of()),
    SLIDE(List.of("speakerdeck.com", "slideshare.net", "docswell.com", "docs.google.com/presentation")),
    VIDEO(List.of("youtube.com", "youtu.be", "vimeo.com", "nicovideo.jp")),
    SOCIAL(List.of("x.com", "twitter.com", "bsky.app", "threads.net", "facebook.com", "linkedin.com/posts")),
    MEDIA(List.of());

    private final List<String> sites;

    OutputType(List<String> sites) {
        this.sites = sites;
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OutputType> fromApiName(String name) {
        String wanted = name == null ? "" : name.strip();
        return Arrays.stream(values()).filter(type -> type.name().equalsIgnoreCase(wanted)).findFirst();
    }

    /** A guess from where the address points: slide and video sites, social networks, otherwise a blog post. */
    public static OutputType guess(OutputUrl url) {
        String address = url.key().substring("https://".length());
        String host = address.split("/", 2)[0];
        return Arrays.stream(values())
                .filter(type -> type.sites.stream().anyMatch(site -> matches(host, address, site)))
                .findFirst()
                .orElse(BLOG);
    }

    private static boolean matches(String host, String address, String site) {
        if (site.contains("/")) {
            return address.startsWith(site) || address.startsWith("www." + site);
        }
        return host.equals(site) || host.endsWith("." + site);
    }
}
