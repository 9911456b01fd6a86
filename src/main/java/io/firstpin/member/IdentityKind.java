package io.firstpin.member;

import io.firstpin.platform.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a member is known. Stored by name; written in lower case in the API. Each kind knows how a value is cleaned for
 * showing and normalised for lookups, so that {@code Taro@Example.com} and {@code @JawsUG} are found however they are typed.
 */
public enum IdentityKind {
    EMAIL(List.of(), ""),
    CONNPASS(List.of("connpass.com"), "user"),
    X(List.of("x.com", "twitter.com"), ""),
    BLUESKY(List.of("bsky.app"), "profile"),
    GITHUB(List.of("github.com"), ""),
    FEED(List.of(), ""),
    // the member id in Meetup's exports and profile addresses (meetup.com/members/12345678)
    MEETUP(List.of("meetup.com"), "members");

    static final int MAX_EMAIL = 320;
    static final int MAX_VALUE = 2000;

    private static final Pattern EMAIL_PATTERN = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    // connpass and GitHub names, X handles, Bluesky domain handles and DIDs
    private static final Pattern HANDLE_PATTERN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:-]{0,252}");

    private final List<String> profileHosts;
    private final String profilePathPrefix;

    IdentityKind(List<String> profileHosts, String profilePathPrefix) {
        this.profileHosts = profileHosts;
        this.profilePathPrefix = profilePathPrefix;
    }

    /**
     * The name used in the API: {@code email}, {@code connpass}, {@code x}, {@code bluesky}, {@code github},
     * {@code feed}, {@code meetup}.
     */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IdentityKind> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip();
        return Arrays.stream(values()).filter(kind -> kind.name().equalsIgnoreCase(wanted)).findFirst();
    }

    /**
     * The value as it is kept and shown: trimmed; a handle without its {@code @}, and reduced to the handle when a
     * profile address was pasted. Breaking this kind's rules is reported on the field {@code value}.
     */
    public String clean(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            throw InvalidInputException.of("value", "validation.required");
        }
        if (this == EMAIL) {
            if (text.length() > MAX_EMAIL || !EMAIL_PATTERN.matcher(text).matches()) {
                throw InvalidInputException.of("value", "validation.email");
            }
            return text;
        }
        if (this == FEED) {
            if (text.length() > MAX_VALUE || parseWebAddress(text).isEmpty()) {
                throw InvalidInputException.of("value", "validation.url");
            }
            return text;
        }
        String handle = handleFromProfileAddress(text);
        if (handle.startsWith("@") || handle.startsWith("＠")) {
            handle = handle.substring(1);
        }
        if (!HANDLE_PATTERN.matcher(handle).matches()) {
            throw InvalidInputException.of("value", "member.identity.handle");
        }
        return handle;
    }

    /** The key a value is looked up by: the cleaned value, lower-cased; of a feed only the scheme and host are. */
    public String normalize(String raw) {
        String cleaned = clean(raw);
        if (this == FEED) {
            URI uri = parseWebAddress(cleaned).orElseThrow();
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT)
                    + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
        return cleaned.toLowerCase(Locale.ROOT);
    }

    private String handleFromProfileAddress(String text) {
        if (profileHosts.isEmpty() || text.indexOf(':') < 0) {
            return text;
        }
        Optional<URI> address = parseWebAddress(text);
        if (address.isEmpty() || profileHosts.isEmpty()) {
            return text;
        }
        String host = address.get().getHost().toLowerCase(Locale.ROOT);
        if (profileHosts.stream().noneMatch(h -> host.equals(h) || host.endsWith("." + h))) {
            return text;
        }
        String path = address.get().getPath() == null ? "" : address.get().getPath();
        List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        int at = profilePathPrefix.isEmpty() ? 0 : 1;
        if (segments.size() <= at || (at == 1 && !segments.get(0).equalsIgnoreCase(profilePathPrefix))) {
            return text;
        }
        return segments.get(at);
    }

    private static Optional<URI> parseWebAddress(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return Optional.of(uri);
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
