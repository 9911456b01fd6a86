package io.firstpin.output;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a page says about itself for a link preview: its title (og:title, twitter:title, then {@code <title>}) and its
 * picture (og:image, then twitter:image), made absolute against the page's address. Only an https picture is kept, so
 * that pages over https can show it. Read from the head of the page with patterns: previews need two tags, not a DOM.
 */
public record PagePreview(String title, String image) {

    static final int MAX_TITLE = 500;
    static final int MAX_IMAGE = 2000;
    private static final Pattern META = Pattern.compile("<meta\\s+[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([a-zA-Z:_-]+)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>([^<]{1,2000})</title>",
            Pattern.CASE_INSENSITIVE);

    public static PagePreview of(String html, URI page) {
        String title = meta(html, "og:title").or(() -> meta(html, "twitter:title")).or(() -> titleTag(html))
                .map(PagePreview::clean).filter(t -> !t.isEmpty()).map(t -> shorten(t, MAX_TITLE)).orElse(null);
        String image = meta(html, "og:image").or(() -> meta(html, "twitter:image"))
                .flatMap(src -> absoluteHttps(page, decode(src).strip())).orElse(null);
        return new PagePreview(title, image);
    }

    public boolean isEmpty() {
        return title == null && image == null;
    }

    private static Optional<String> meta(String html, String name) {
        Matcher tag = META.matcher(html);
        while (tag.find()) {
            String property = null;
            String content = null;
            Matcher attribute = ATTRIBUTE.matcher(tag.group());
            while (attribute.find()) {
                String key = attribute.group(1).toLowerCase(Locale.ROOT);
                String value = attribute.group(3) != null ? attribute.group(3) : attribute.group(4);
                if (key.equals("property") || key.equals("name")) {
                    property = value.toLowerCase(Locale.ROOT);
                } else if (key.equals("content")) {
                    content = value;
                }
            }
            if (name.equals(property) && content != null && !content.isBlank()) {
                return Optional.of(content);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> titleTag(String html) {
        Matcher title = TITLE.matcher(html);
        return title.find() ? Optional.of(title.group(1)) : Optional.empty();
    }

    private static Optional<String> absoluteHttps(URI page, String src) {
        try {
            URI image = page.resolve(src);
            String text = image.toString();
            return "https".equalsIgnoreCase(image.getScheme()) && image.getHost() != null && text.length() <= MAX_IMAGE
                    ? Optional.of(text) : Optional.empty();
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }

    private static String clean(String text) {
        return decode(text).replaceAll("\\s+", " ").strip();
    }

    /** The character references pages really use in titles. */
    private static String decode(String text) {
        Matcher reference = Pattern.compile("&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos|#39);").matcher(text);
        StringBuilder out = new StringBuilder();
        while (reference.find()) {
            String name = reference.group(1);
            String replacement;
            if (name.startsWith("#")) {
                int codePoint = name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16)
                        : Integer.parseInt(name.substring(1));
                replacement = Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint))
                        : reference.group();
            } else {
                replacement = switch (name) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    default -> "'";
                };
            }
            reference.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        reference.appendTail(out);
        return out.toString();
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
