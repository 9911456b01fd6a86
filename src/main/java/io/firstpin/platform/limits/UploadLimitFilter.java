package io.firstpin.platform.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Keeps multipart requests small except where an {@link UploadLimit} allows more: a larger declared body is answered
 * 413 before anything reads it, and one that declares no length (chunked) is answered 411 outside those paths, since
 * the container reads a multipart body on its own once anyone asks for a parameter (Spring Security's CSRF check does).
 * Runs before everything else, like {@link RequestLimitFilter}.
 */
final class UploadLimitFilter extends OncePerRequestFilter {

    private final DataSize defaultLimit;
    private final List<Matcher> raised;
    private final MessageSource messages;

    UploadLimitFilter(UploadProperties properties, List<UploadLimit> limits, MessageSource messages) {
        this.defaultLimit = properties.maxRequestSize();
        this.raised = limits.stream().map(l -> new Matcher(l, l.parsed())).toList();
        this.messages = messages;
    }

    private record Matcher(UploadLimit limit, PathPattern pattern) {
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        PathContainer path = PathContainer.parsePath(RequestPaths.normalized(request));
        DataSize limit = raised.stream().filter(m -> m.pattern().matches(path)).map(m -> m.limit().maxRequestSize())
                .findFirst().orElse(null);
        long length = request.getContentLengthLong();
        if (limit == null && length < 0) {
            refuse(request, response, HttpStatus.LENGTH_REQUIRED, "error.upload.length-required", defaultLimit);
            return;
        }
        DataSize applies = limit == null ? defaultLimit : limit;
        if (length > applies.toBytes()) {
            refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "error.upload.larger-than", applies);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
            DataSize limit) throws IOException {
        // the body is not read; the connection closes rather than swallowing it
        response.setHeader("Connection", "close");
        String accept = request.getHeader("Accept");
        boolean api = RequestPaths.normalized(request).startsWith("/api/");
        if (!api && (accept == null || !accept.contains(MediaType.APPLICATION_JSON_VALUE))) {
            response.sendError(status.value());
            return;
        }
        String message = messages.getMessage(code, new Object[] {megabytes(limit)}, code, request.getLocale());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"error\":\"" + (status == HttpStatus.LENGTH_REQUIRED ? "length_required"
                : "too_large") + "\",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\",\"details\":[]}");
    }

    private static String megabytes(DataSize size) {
        return size.toKilobytes() < 1024 ? size.toKilobytes() + " KB" : size.toMegabytes() + " MB";
    }
}
