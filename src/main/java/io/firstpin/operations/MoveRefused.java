package io.firstpin.operations;

/** Why a move off the embedded database did not happen, in words for the operator's console. */
public class MoveRefused extends RuntimeException {

    public MoveRefused(String message) {
        super(message);
    }

    public MoveRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
