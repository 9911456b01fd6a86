package io.firstpin.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The error body of every API answer that is not a success: {@code {error, message, details}}. */
public record ApiError(String error, String message, List<Detail> details) {

    public ApiError {
        details = details == null ? List.of() : List.copyOf(details);
    }

    public static ApiError of(String error, String message) {
        return new ApiError(error, message, List.of());
    }

    /** One problem: a request field, or a row and column of an uploaded file. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String field, Integer row, String column, String message) {

        public static Detail field(String field, String message) {
            return new Detail(field, null, null, message);
        }

        public static Detail cell(int row, String column, String message) {
            return new Detail(null, row, column, message);
        }
    }
}
