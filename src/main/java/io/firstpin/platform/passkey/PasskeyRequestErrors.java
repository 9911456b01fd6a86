package io.firstpin.platform.passkey;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Security's passkey endpoints throw on a malformed body (a missing credential, broken JSON); that is the
 * caller's mistake, answered 400 rather than a server error. Guards the paths given, the passkey endpoints of one
 * filter chain.
 */
public final class PasskeyRequestErrors extends OncePerRequestFilter {

    private final Pattern paths;

    public PasskeyRequestErrors(Pattern paths) {
        this.paths = paths;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !paths.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IllegalArgumentException | HttpMessageNotReadableException e) {
            if (!response.isCommitted()) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            }
        }
    }
}
