package io.firstpin.history;

import java.util.List;

/**
 * One thing wrong with an uploaded file, where a person finds it in a spreadsheet: {@code row} counts the header as 1
 * (null for the file as a whole), {@code column} is the header's name (null for a whole row). The message is a code
 * with arguments, resolved in the reader's language.
 */
public record ImportProblem(Integer row, String column, String code, List<Object> args) {

    public ImportProblem {
        args = List.copyOf(args);
    }

    static ImportProblem ofFile(String code, Object... args) {
        return new ImportProblem(null, null, code, List.of(args));
    }

    static ImportProblem ofRow(int row, String code, Object... args) {
        return new ImportProblem(row, null, code, List.of(args));
    }

    static ImportProblem ofCell(int row, String column, String code, Object... args) {
        return new ImportProblem(row, column, code, List.of(args));
    }
}
