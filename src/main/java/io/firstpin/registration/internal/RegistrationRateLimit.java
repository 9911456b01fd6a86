package io.firstpin.registration.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-IP limit on public registration (page form and API): a token bucket of {@code per-minute} registrations that
 * refills continuously. Over the limit: 429 with Retry-After. Each app instance counts on its own, which is enough to
 * stop one client from flooding; capacity itself never depends on it.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationRateLimit {

    private static final Pattern REGISTRATION = Pattern.compile("^/(e/\\d+/register|api/v1/events/\\d+/registrations)$");

    @Bean
    FilterRegistrationBean<Limiter> registrationRateLimiter(
            @Value("${firstpin.registration.rate-limit-per-minute:30}") int perMinute, Clock clock) {
        FilterRegistrationBean<Limiter> registration = new FilterRegistrationBean<>(new Limiter(perMinute, clock));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/e/*", "/api/v1/events/*");
        return registration;
    }

    static final class Limiter extends OncePerRequestFilter {

        private static final int MAX_TRACKED_CLIENTS = 50_000;

        private final double perMinute;
        private final Clock clock;
        private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

        Limiter(int perMinute, Clock clock) {
            this.perMinute = perMinute;
            this.clock = clock;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"POST".equals(request.getMethod()) || !REGISTRATION.matcher(request.getRequestURI()).matches();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long now = clock.millis();
            if (buckets.size() > MAX_TRACKED_CLIENTS) {
                buckets.values().removeIf(bucket -> bucket.idleSince(now) > 60_000);
            }
            Bucket bucket = buckets.computeIfAbsent(request.getRemoteAddr(), ip -> new Bucket(perMinute, now));
            long waitMillis = bucket.take(perMinute, now);
            if (waitMillis > 0) {
                response.setHeader("Retry-After", String.valueOf(Math.max(1, (waitMillis + 999) / 1000)));
                response.sendError(429);
                return;
            }
            chain.doFilter(request, response);
        }
    }

    private static final class Bucket {

        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        /** Takes a token; answers 0, or how long to wait for the next one. */
        synchronized long take(double perMinute, long now) {
            tokens = Math.min(perMinute, tokens + (now - updatedAt) * perMinute / 60_000.0);
            updatedAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * 60_000.0 / perMinute);
        }

        synchronized long idleSince(long now) {
            return now - updatedAt;
        }
    }
}
