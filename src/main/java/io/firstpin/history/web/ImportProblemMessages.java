package io.firstpin.history.web;

import io.firstpin.history.ImportProblem;
import io.firstpin.history.ImportRejected;
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

    String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    private String text(ImportProblem problem) {
        return text(problem.code(), problem.args().toArray());
    }

    /** One problem as shown: row and column may be empty when it concerns the whole file or a whole row. */
    record Line(Integer row, String column, String message) {
    }
}
