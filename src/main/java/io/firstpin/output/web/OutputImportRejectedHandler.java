package io.firstpin.output.web;

import io.firstpin.history.ImportRejected;
import io.firstpin.platform.web.ApiError;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** A rejected list of posts answers 422 with one detail per problem, by row and column, as a history import does. */
@RestControllerAdvice(assignableTypes = OutputImportApiController.class)
class OutputImportRejectedHandler {

    private final OutputImportMessages messages;

    OutputImportRejectedHandler(OutputImportMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ImportRejected.class)
    ResponseEntity<ApiError> rejected(ImportRejected e) {
        List<ApiError.Detail> details = messages.lines(e).stream()
                .map(line -> new ApiError.Detail(null, line.row(), line.column(), line.message()))
                .toList();
        String message = messages.text("output.import.rejected", details.size())
                + (details.isEmpty() ? "" : " " + details.get(0).message());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .body(new ApiError("import_rejected", message, details));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> missingFile(MissingServletRequestPartException e) {
        String message = messages.text("error.field.required");
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new ApiError("validation_failed",
                messages.text("error.validation") + " " + message,
                List.of(ApiError.Detail.field(e.getRequestPartName(), message))));
    }
}
