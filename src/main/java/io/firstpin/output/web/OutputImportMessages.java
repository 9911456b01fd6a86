package io.firstpin.output.web;

import io.firstpin.history.ImportRejected;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The problems of a rejected list of posts in the reader's language, as the API and the page list them. */
@Component
class OutputImportMessages {

    private final MessageSource messages;

    OutputImportMessages(MessageSource messages) {
        this.messages = messages;
    }

    List<Line> lines(ImportRejected rejected) {
        return rejected.problems().stream()
                .map(p -> new Line(p.row(), p.column(), text(p.code(), p.args().toArray())))
                .toList();
    }

    String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    /** One problem as shown: row and column may be empty when it concerns the whole file or a whole row. */
    record Line(Integer row, String column, String message) {
    }
}
