package io.firstpin.output;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When a post read from a member's feed counts as a report on an event (documented for staff in docs/outputs.md).
 *
 * <ol>
 * <li><b>Time</b>: it was published from the event's start to {@code windowAfterEnd} (30 days by default) after its
 * end, both included. A post before the event is not a report on it; a post without a date is never linked by rule.</li>
 * <li><b>Address</b> ({@link LinkedBy#URL}): its title or content contains one of the event's addresses (the public
 * event page, or its connpass page), with http or https, in any letter case of the host, with or without a trailing
 * slash; {@code /e/12} does not match {@code /e/123}.</li>
 * <li><b>Hashtag</b> ({@link LinkedBy#HASHTAG}): its title or text (HTML tags aside) contains the event's hashtag as a
 * whole tag: {@code #} or the full-width {@code ＃}, in any letter case (full-width letters too), and not part of a
 * longer tag or word: for {@code #jawsug}, {@code #JAWSUG} and {@code ＃ｊａｗｓｕｇ} match, {@code #jawsug_tokyo} and
 * {@code page#jawsug} do not. As on X, letters of any script right before or after are part of a word or of the tag:
 * {@code タグは #jawsug です} matches, {@code タグは#jawsugです} does not.</li>
 * </ol>
 * An address is the stronger evidence and wins when both match. Links staff removed are never made again by the rules.
 */
public final class LinkingRules {

    public static final Duration DEFAULT_WINDOW_AFTER_END = Duration.ofDays(30);

    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern ESCAPED_HASH = Pattern.compile("&#0*35;|&#x0*23;|&num;", Pattern.CASE_INSENSITIVE);
    private static final String TAG_CHARACTER = "[\\p{L}\\p{N}\\p{M}_]";

    private final Duration windowAfterEnd;

    public LinkingRules(Duration windowAfterEnd) {
        if (windowAfterEnd.isNegative()) {
            throw new IllegalArgumentException("the window after an event cannot be negative: " + windowAfterEnd);
        }
        this.windowAfterEnd = windowAfterEnd;
    }

    /** Why the item reports on the event, or empty when it does not by these rules. */
    public Optional<LinkedBy> match(FeedItem item, LinkTarget event) {
        if (!publishedInWindow(item.publishedAt(), event)) {
            return Optional.empty();
        }
        String text = item.title() + "\n" + item.content();
        if (event.urls().stream().anyMatch(url -> mentionsAddress(text, url))) {
            return Optional.of(LinkedBy.URL);
        }
        if (event.hashtag() != null && mentionsHashtag(text, event.hashtag())) {
            return Optional.of(LinkedBy.HASHTAG);
        }
        return Optional.empty();
    }

    /** From the event's start to the end of the window after it, both included. */
    public boolean publishedInWindow(Instant publishedAt, LinkTarget event) {
        return publishedAt != null && !publishedAt.isBefore(event.startsAt())
                && !publishedAt.isAfter(windowClosesAt(event.endsAt()));
    }

    public Instant windowClosesAt(Instant eventEndsAt) {
        return eventEndsAt.plus(windowAfterEnd);
    }

    public Duration windowAfterEnd() {
        return windowAfterEnd;
    }

    static boolean mentionsAddress(String text, String address) {
        String withoutScheme = address.replaceFirst("(?i)^https?://", "");
        while (withoutScheme.endsWith("/")) {
            withoutScheme = withoutScheme.substring(0, withoutScheme.length() - 1);
        }
        if (withoutScheme.isEmpty()) {
            return false;
        }
        Pattern mention = Pattern.compile("(?i)https?://" + Pattern.quote(withoutScheme) + "(?![\\p{L}\\p{N}_-])");
        return mention.matcher(text).find();
    }

    static boolean mentionsHashtag(String text, String hashtag) {
        String tag = fold(hashtag.startsWith("#") || hashtag.startsWith("＃") ? hashtag.substring(1) : hashtag);
        if (tag.isEmpty()) {
            return false;
        }
        String plain = fold(ESCAPED_HASH.matcher(TAGS.matcher(text).replaceAll(" ")).replaceAll("#"));
        Pattern mention = Pattern.compile("(?<!" + TAG_CHARACTER + "|[#&/])#" + Pattern.quote(tag) + "(?!" + TAG_CHARACTER + ")",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return mention.matcher(plain).find();
    }

    /** Full-width forms to their usual ones (＃ to #, ＡＢＣ to ABC, half-width katakana to full-width), lower case. */
    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
