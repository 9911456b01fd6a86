package io.firstpin.platform.web;

import io.firstpin.platform.ConflictException;
import io.firstpin.platform.ForbiddenException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MissingServletRequestParameterException;
import io.firstpin.platform.LinkExpiredException;
import io.firstpin.platform.limits.TooManyRequests;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import tools.jackson.databind.DatabindException;

/** Turns every expected failure of an API call into a 4xx with a message a person understands. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return respond(HttpStatus.NOT_FOUND, ApiError.of("not_found", e.getMessage()));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ApiError> forbidden(ForbiddenException e) {
        return respond(HttpStatus.FORBIDDEN, ApiError.of("forbidden", e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ApiError> conflict(ConflictException e) {
        String message = text(e.code(), e.args().toArray());
        return respond(HttpStatus.CONFLICT,
                new ApiError("conflict", message, List.of(ApiError.Detail.field(e.field(), message))));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ApiError> invalid(InvalidInputException e) {
        List<ApiError.Detail> details = e.problems().stream()
                .map(p -> ApiError.Detail.field(p.field(), text(p.code(), p.args().toArray())))
                .toList();
        return validationFailed(details);
    }

    /**
     * Every problem of the request at once. A value that could not be read is reported as such, not again as missing.
     */
    @ExceptionHandler(BindException.class)
    ResponseEntity<ApiError> bind(BindException e) {
        Locale locale = LocaleContextHolder.getLocale();
        Set<String> unreadable = e.getBindingResult().getFieldErrors().stream()
                .filter(FieldError::isBindingFailure).map(FieldError::getField).collect(Collectors.toSet());
        List<ApiError.Detail> details = e.getBindingResult().getAllErrors().stream()
                .filter(error -> !(error instanceof FieldError fe) || fe.isBindingFailure()
                        || !unreadable.contains(fe.getField()))
                .map(error -> ApiError.Detail.field(
                        error instanceof FieldError fe ? fe.getField() : error.getObjectName(),
                        messages.getMessage(error, locale)))
                .toList();
        return validationFailed(details);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiError> methodValidation(HandlerMethodValidationException e) {
        Locale locale = LocaleContextHolder.getLocale();
        List<ApiError.Detail> details = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> ApiError.Detail.field(result.getMethodParameter().getParameterName(),
                                messages.getMessage(error, locale))))
                .toList();
        return validationFailed(details);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            return validationFailed(List.of(ApiError.Detail.field(field, text("error.field.type"))));
        }
        return respond(HttpStatus.BAD_REQUEST, ApiError.of("malformed_request", text("error.body.unreadable")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        return validationFailed(List.of(ApiError.Detail.field(e.getName(), text("error.field.type"))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return validationFailed(List.of(ApiError.Detail.field(e.getParameterName(), text("error.field.required"))));
    }

    @ExceptionHandler(LinkExpiredException.class)
    ResponseEntity<ApiError> expired(LinkExpiredException e) {
        return respond(HttpStatus.GONE, new ApiError("link_expired", text("error.status.410"), List.of()));
    }

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<ApiError> tooMany(TooManyRequests e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                .body(new ApiError("too_many_requests", text("error.status.429"), List.of()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return respond(HttpStatus.CONTENT_TOO_LARGE, ApiError.of("too_large", text("error.upload.too-large")));
    }

    private ResponseEntity<ApiError> validationFailed(List<ApiError.Detail> details) {
        String message = text("error.validation") + (details.isEmpty() ? "" : " " + details.get(0).message());
        return respond(HttpStatus.BAD_REQUEST, new ApiError("validation_failed", message, details));
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    private static ResponseEntity<ApiError> respond(HttpStatus status, ApiError body) {
        return ResponseEntity.status(status).body(body);
    }
}
