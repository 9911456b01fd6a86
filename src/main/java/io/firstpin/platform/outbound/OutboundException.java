package io.firstpin.platform.outbound;

/** A fetch that did not bring an answer, and why; the message names the address for logs and staff pages. */
public class OutboundException extends RuntimeException {

    public enum Problem {
        /** not an http(s) address */
        INVALID_URL,
        /** the address, or one it redirected to, is in a network the application must not reach */
        REFUSED_ADDRESS,
        /** no such host, connection refused or broken */
        UNREACHABLE,
        TIMEOUT,
        TOO_LARGE,
        TOO_MANY_REDIRECTS
    }

    private final Problem problem;

    OutboundException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    OutboundException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
