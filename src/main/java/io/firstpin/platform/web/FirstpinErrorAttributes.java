package io.firstpin.platform.web;

import java.util.List;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Shapes errors that never reach a controller (unknown path, wrong method, unexpected failure) like every other API
 * error, and keeps exception details out of the answer.
 */
@Component
class FirstpinErrorAttributes extends DefaultErrorAttributes {

    private final MessageSource messages;

    FirstpinErrorAttributes(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
        int status = attributes.get("status") instanceof Integer code ? code : 500;
        HttpStatus httpStatus = HttpStatus.resolve(status);
        String error = httpStatus == null ? "error" : httpStatus.name().toLowerCase();
        String fallback = httpStatus == null ? "Error" : httpStatus.getReasonPhrase();
        attributes.put("error", error);
        attributes.put("message",
                messages.getMessage("error.status." + status, null, fallback, LocaleContextHolder.getLocale()));
        attributes.put("details", List.of());
        attributes.remove("trace");
        attributes.remove("exception");
        attributes.remove("errors");
        return attributes;
    }
}
