package io.firstpin.output.web;

import io.firstpin.history.ImportProblemMessages;
import io.firstpin.history.ImportRejected;
import io.firstpin.platform.web.ApiError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** A rejected list of posts answers 422 with one detail per problem, by row and column, as a history import does. */
@RestControllerAdvice(assignableTypes = OutputImportApiController.class)
class OutputImportRejectedHandler {

    private final ImportProblemMessages messages;

    OutputImportRejectedHandler(ImportProblemMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ImportRejected.class)
    ResponseEntity<ApiError> rejected(ImportRejected e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(messages.rejection(e, "output.import.rejected"));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> missingFile(MissingServletRequestPartException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(messages.missingPart(e.getRequestPartName()));
    }
}
