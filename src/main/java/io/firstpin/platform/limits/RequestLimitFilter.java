package io.firstpin.platform.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Applies every {@link RequestLimit} to the request's normalised path ({@link RequestPaths}), per client address,
 * through the shared {@link RateLimits}: over a limit the request is answered 429 with {@code Retry-After} and goes no
 * further. Runs before Spring Security and the controllers, so that it sees every spelling of a path before anything
 * else may normalise it. Behind a proxy set {@code server.forward-headers-strategy} so that the client's address is seen.
 */
final class RequestLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final List<Matcher> matchers;

    RequestLimitFilter(RateLimits limits, List<RequestLimit> requestLimits) {
        this.limits = limits;
        this.matchers = requestLimits.stream().map(l -> new Matcher(l, l.parsed())).toList();
    }

    private record Matcher(RequestLimit limit, PathPattern pattern) {
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return matchers.isEmpty() || "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String normalized = RequestPaths.normalized(request);
        PathContainer path = PathContainer.parsePath(normalized);
        HttpMethod method = HttpMethod.valueOf(request.getMethod().toUpperCase(Locale.ROOT));
        boolean withApiToken = normalized.startsWith("/api/") && bearer(request);
        for (Matcher matcher : matchers) {
            if (matcher.limit().methods().contains(method) && matcher.pattern().matches(path)
                    && !(withApiToken && matcher.limit().exemptsApiTokens())) {
                Allowance allowance = limits.take(matcher.limit().limit(), request.getRemoteAddr());
                if (!allowance.allowed()) {
                    refuse(request, response, allowance);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, Allowance allowance)
            throws IOException {
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(allowance.retryAfterSeconds()));
        boolean api = RequestPaths.normalized(request).startsWith("/api/");
        String accept = request.getHeader("Accept");
        if (api || (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE))) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"error\":\"too_many_requests\",\"message\":\"Too many requests from this "
                    + "address; try again in " + allowance.retryAfterSeconds() + " seconds.\",\"details\":[]}");
            return;
        }
        // the error page explains it in the visitor's language
        response.sendError(429);
    }
}
