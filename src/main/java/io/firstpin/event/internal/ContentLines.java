package io.firstpin.event.internal;

/**
 * Folds iCalendar content lines at 75 octets (RFC 5545, 3.1). ical4j's own folding counts characters, so a Japanese
 * line of 73 characters would be some 220 octets long; here the UTF-8 length decides, and a line is only ever broken
 * between code points.
 */
public final class ContentLines {

    /** The longest a physical line may be, without its CRLF. */
    public static final int MAX_OCTETS = 75;

    private static final String CRLF = "\r\n";

    private ContentLines() {
    }

    /** Folds every line of an unfolded iCalendar text whose lines end with CRLF. */
    public static String fold(String unfolded) {
        StringBuilder folded = new StringBuilder(unfolded.length() + unfolded.length() / 16);
        for (String line : unfolded.split(CRLF)) {
            foldLine(line, folded);
        }
        return folded.toString();
    }

    /**
     * Removes what RFC 5545 does not allow in a text value (control characters other than a tab) and joins lines,
     * for values that must stay on one line such as names.
     */
    public static String singleLine(String text) {
        return text == null ? null : text.replaceAll("[\\r\\n]+", " ").replaceAll("[\\p{Cntrl}&&[^\\t]]", "");
    }

    /** Like {@link #singleLine} but keeps line breaks, which ical4j escapes as {@code \n}. */
    public static String multiLine(String text) {
        return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n')
                .replaceAll("[\\p{Cntrl}&&[^\\t\\n]]", "");
    }

    private static void foldLine(String line, StringBuilder out) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = utf8Length(codePoint);
            if (octets + size > MAX_OCTETS) {
                // the continuation starts with a space, which counts towards the next line's 75 octets
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append(CRLF);
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
