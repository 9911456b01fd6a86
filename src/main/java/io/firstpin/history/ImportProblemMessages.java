package io.firstpin.history;

import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.web.ApiError;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The problems of a rejected file in the reader's language, as the pages and the API list them; for every CSV import,
 * of past events and of posts alike.
 */
@Component
public class ImportProblemMessages {

    private final MessageSource messages;

    ImportProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    public List<Line> lines(ImportRejected rejected) {
        return rejected.problems().stream()
                .map(p -> new Line(p.row(), p.column(), text(p)))
                .toList();
    }

    /** The problems of a mapping staff chose that cannot be one, as lines of the whole file. */
    public List<Line> lines(InvalidInputException invalid) {
        return invalid.problems().stream().map(p -> new Line(null, null, text(p.code(), p.args().toArray())))
                .toList();
    }

    /** Each problem of each file of a bulk import that lacks a mapping, named by the file it is about. */
    public List<FileLine> lines(UnmappedFiles unmapped) {
        return unmapped.files().stream()
                .flatMap(f -> f.problems().stream().map(p -> new FileLine(f.position(), p.row(), p.column(),
                        // the message of a missing mapping names its file already
                        (f.withoutMapping() ? "" : f.fileName() + ": ") + text(p))))
                .toList();
    }

    public String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    /**
     * The API's answer to a rejected file: the message {@code summaryCode} with the number of problems, followed by
     * the first one, and one detail per problem by row and column.
     */
    public ApiError rejection(ImportRejected rejected, String summaryCode) {
        List<ApiError.Detail> details = lines(rejected).stream()
                .map(line -> new ApiError.Detail(null, line.row(), line.column(), line.message()))
                .toList();
        String message = text(summaryCode, details.size())
                + (details.isEmpty() ? "" : " " + details.get(0).message());
        return new ApiError("import_rejected", message, details);
    }

    /** The API's answer to a request without the file part. */
    public ApiError missingPart(String part) {
        String message = text("error.field.required");
        return new ApiError("validation_failed", text("error.validation") + " " + message,
                List.of(ApiError.Detail.field(part, message)));
    }

    private String text(ImportProblem problem) {
        return text(problem.code(), problem.args().toArray());
    }

    /** One problem as shown: row and column may be empty when it concerns the whole file or a whole row. */
    public record Line(Integer row, String column, String message) {
    }

    /** A problem of one file of a bulk import, by the file's position. */
    public record FileLine(int position, Integer row, String column, String message) {
    }
}
