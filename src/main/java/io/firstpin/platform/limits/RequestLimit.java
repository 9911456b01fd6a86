package io.firstpin.platform.limits;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A limit per client address on requests that anyone may send, declared as a bean by the module that answers them
 * (registering, cancelling, answering a survey, signing in...). {@link RequestLimitFilter} applies every such bean to the
 * request's path as the application will route it: decoded, without path parameters ({@code ;jsessionid}), double
 * slashes or a trailing slash, and in lower case, so that no spelling of the path gets past its limit.
 *
 * @param pattern a path pattern in lower case, such as {@code /api/v1/events/*}{@code /registrations}
 * @param exemptsApiTokens an API call carrying a bearer token is not counted: staff integrations are not anonymous, and
 *        an invalid token is refused (401) before the call is answered, so that the header is no way around the limit
 */
public record RequestLimit(Set<HttpMethod> methods, String pattern, Limit limit, boolean exemptsApiTokens) {

    private static final PathPatternParser PARSER = new PathPatternParser();

    public RequestLimit {
        Objects.requireNonNull(limit, "limit");
        if (methods.isEmpty() || !pattern.equals(pattern.toLowerCase(Locale.ROOT)) || !pattern.startsWith("/")) {
            throw new IllegalArgumentException("a request limit names its methods and a lower-case path: " + pattern);
        }
        methods = Set.copyOf(methods);
    }

    /** Counts every request, whoever sends it. */
    public static RequestLimit of(HttpMethod method, String pattern, Limit limit) {
        return new RequestLimit(Set.of(method), pattern, limit, false);
    }

    /** Counts the anonymous requests of an API call that staff may also make with a token. */
    public static RequestLimit anonymous(HttpMethod method, String pattern, Limit limit) {
        if (!pattern.startsWith("/api/")) {
            throw new IllegalArgumentException("only API calls take bearer tokens: " + pattern);
        }
        return new RequestLimit(Set.of(method), pattern, limit, true);
    }

    PathPattern parsed() {
        return PARSER.parse(pattern);
    }
}
