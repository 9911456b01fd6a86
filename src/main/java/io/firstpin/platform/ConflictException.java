package io.firstpin.platform;

import java.util.List;

/** The request clashes with existing state, e.g. a slug that is already taken. Answers 409. */
public class ConflictException extends RuntimeException {

    private final String field;
    private final String code;
    private final List<Object> args;

    public ConflictException(String field, String code, Object... args) {
        super(code);
        this.field = field;
        this.code = code;
        this.args = List.of(args);
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    public List<Object> args() {
        return args;
    }
}
