package io.firstpin.history.web;

import io.firstpin.history.ImportProblem;
import io.firstpin.history.ImportRejected;
import io.firstpin.history.UnmappedFiles;
import io.firstpin.platform.InvalidInputException;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The problems of a rejected file in the reader's language, as the API and the page list them. */
@Component
class ImportProblemMessages {

    private final MessageSource messages;

    ImportProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    List<Line> lines(ImportRejected rejected) {
        return rejected.problems().stream()
                .map(p -> new Line(p.row(), p.column(), text(p)))
                .toList();
    }

    /** The problems of a mapping staff chose that cannot be one, as lines of the whole file. */
    List<Line> lines(InvalidInputException invalid) {
        return invalid.problems().stream().map(p -> new Line(null, null, text(p.code(), p.args().toArray())))
                .toList();
    }

    /** Each problem of each file of a bulk import that lacks a mapping, named by the file it is about. */
    List<FileLine> lines(UnmappedFiles unmapped) {
        return unmapped.files().stream()
                .flatMap(f -> f.problems().stream().map(p -> new FileLine(f.position(), p.row(), p.column(),
                        // the message of a missing mapping names its file already
                        (f.withoutMapping() ? "" : f.fileName() + ": ") + text(p))))
                .toList();
    }

    String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    private String text(ImportProblem problem) {
        return text(problem.code(), problem.args().toArray());
    }

    /** One problem as shown: row and column may be empty when it concerns the whole file or a whole row. */
    record Line(Integer row, String column, String message) {
    }

    /** A problem of one file of a bulk import, by the file's position. */
    record FileLine(int position, Integer row, String column, String message) {
    }
}
