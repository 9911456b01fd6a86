package io.firstpin.platform.limits;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * A request's path in the one spelling limits are matched against: percent-decoding undone (repeatedly, so that
 * {@code %2531} is no way around), path parameters such as {@code ;jsessionid=...} dropped from every segment, empty,
 * {@code .} and {@code ..} segments resolved, no trailing slash, lower case. Over-matching only limits more; a spelling
 * the application would route but this would not is the danger, so every transformation here is one the servlet
 * container or Spring may apply before routing.
 */
final class RequestPaths {

    private static final int MAX_DECODING_ROUNDS = 3;

    private RequestPaths() {
    }

    static String normalized(HttpServletRequest request) {
        String path = request.getRequestURI();
        String context = request.getContextPath();
        if (context != null && !context.isEmpty() && path.startsWith(context)) {
            path = path.substring(context.length());
        }
        return normalized(path);
    }

    static String normalized(String rawPath) {
        String path = rawPath == null ? "" : rawPath;
        for (int round = 0; round < MAX_DECODING_ROUNDS && path.indexOf('%') >= 0; round++) {
            path = decoded(withoutParameters(path));
        }
        path = withoutParameters(path).replace('\\', '/');
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
                continue;
            }
            segments.addLast(segment);
        }
        return ("/" + String.join("/", segments)).toLowerCase(Locale.ROOT);
    }

    /** Cuts {@code ;name=value} from each segment, as the servlet container does before mapping. */
    private static String withoutParameters(String path) {
        if (path.indexOf(';') < 0) {
            return path;
        }
        StringBuilder kept = new StringBuilder(path.length());
        boolean inParameters = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/') {
                inParameters = false;
            } else if (c == ';') {
                inParameters = true;
            }
            if (!inParameters) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    private static String decoded(String path) {
        try {
            // a plus is a plus in a path, not a space
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return path;
        }
    }
}
