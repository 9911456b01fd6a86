package io.firstpin.platform.limits;

import java.util.Locale;
import java.util.Objects;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A path that takes uploads larger than the small default ({@code firstpin.uploads.max-request-size}), declared as a
 * bean by the module that answers it: the imports. {@link UploadLimitFilter} matches it against the request's path as
 * routing sees it ({@link RequestPaths}); the servlet container's multipart settings are the ceiling above every one.
 *
 * @param pattern a path pattern in lower case, such as {@code /api/v1/events/*}{@code /imports}
 * @param maxRequestSize the largest request body the path takes
 */
public record UploadLimit(String pattern, DataSize maxRequestSize) {

    /** What a path that takes one CSV file accepts: the largest export a site writes, with room. */
    public static final DataSize SINGLE_FILE = DataSize.ofMegabytes(50);

    private static final PathPatternParser PARSER = new PathPatternParser();

    public UploadLimit {
        Objects.requireNonNull(maxRequestSize, "maxRequestSize");
        if (!pattern.equals(pattern.toLowerCase(Locale.ROOT)) || !pattern.startsWith("/")) {
            throw new IllegalArgumentException("an upload limit names a lower-case path: " + pattern);
        }
    }

    PathPattern parsed() {
        return PARSER.parse(pattern);
    }
}
