package io.firstpin.identity.internal;

import io.firstpin.platform.web.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.json.JsonMapper;

/** Writes API errors from the security filters, where no controller advice runs. */
@Component
class JsonErrorWriter {

    private final JsonMapper json;
    private final MessageSource messages;

    JsonErrorWriter(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    void write(HttpServletResponse response, int status, String error, String messageCode, HttpServletRequest request)
            throws IOException {
        String message = messages.getMessage(messageCode, null, messageCode, RequestContextUtils.getLocale(request));
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(response.getOutputStream(), ApiError.of(error, message));
    }
}
