package io.firstpin.event;

public enum MaterialKind {
    SLIDES,
    VIDEO,
    OTHER;

    /** Guesses the kind from where the link points. */
    public static MaterialKind fromUrl(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("youtube.com") || lower.contains("youtu.be") || lower.contains("vimeo.com")) {
            return VIDEO;
        }
        if (lower.contains("speakerdeck.com") || lower.contains("slideshare.net") || lower.contains("docswell.com")
                || lower.contains("docs.google.com/presentation") || lower.endsWith(".pdf")) {
            return SLIDES;
        }
        return OTHER;
    }
}
