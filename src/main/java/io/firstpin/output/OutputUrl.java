package io.firstpin.output;

import io.firstpin.platform.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address of an output, cleaned so that one post is one output however its link was shared: the scheme and host in
 * lower case, no default port, no fragment, no trailing slash, and without the tracking parameters that sharing adds
 * ({@code utm_*}, {@code fbclid}, {@code gclid} and the like). {@link #key()} also ignores http versus https, since a
 * site serves the same post on both.
 *
 * @param url the cleaned address, for links
 */
public record OutputUrl(String url) {

    static final int MAX_LENGTH = 2000;

    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid", "yclid", "msclkid",
            "mc_cid", "mc_eid", "igshid", "_hsenc", "_hsmi", "mkt_tok", "twclid", "ttclid", "spm", "ref_src", "ref_url");

    public OutputUrl {
        url = clean(url);
    }

    public static OutputUrl of(String text) {
        return new OutputUrl(text);
    }

    /** The same address with http and https treated alike: what outputs are told apart by. */
    public String key() {
        return url.startsWith("http://") ? "https://" + url.substring("http://".length()) : url;
    }

    /** The site, without a leading {@code www.}, as the event page names the source. */
    public String site() {
        String host = URI.create(url).getHost();
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static String clean(String text) {
        String given = text == null ? "" : text.strip();
        if (given.isEmpty()) {
            throw InvalidInputException.of("url", "validation.required");
        }
        URI uri;
        try {
            uri = new URI(given);
        } catch (URISyntaxException e) {
            throw InvalidInputException.of("url", "validation.url");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw InvalidInputException.of("url", "validation.url");
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String query = withoutTracking(uri.getRawQuery());
        String cleaned = scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port)
                + path + (query.isEmpty() ? "" : "?" + query);
        if (cleaned.length() > MAX_LENGTH) {
            throw InvalidInputException.of("url", "validation.too-long", MAX_LENGTH);
        }
        return cleaned;
    }

    private static String withoutTracking(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = Arrays.stream(rawQuery.split("&"))
                .filter(parameter -> !parameter.isEmpty())
                .filter(parameter -> !isTracking(parameter.split("=", 2)[0].toLowerCase(Locale.ROOT)))
                .toList();
        return kept.stream().collect(Collectors.joining("&"));
    }

    private static boolean isTracking(String name) {
        return name.startsWith("utm_") || TRACKING.contains(name);
    }

    @Override
    public String toString() {
        return url;
    }
}
