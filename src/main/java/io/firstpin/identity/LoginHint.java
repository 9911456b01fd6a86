package io.firstpin.identity;

import java.util.Optional;

/** Credentials worth showing on the login page, such as the demo organization's account. */
public record LoginHint(String email, String password) {

    /** Implemented by a module that knows such credentials; asked on every visit of the login page. */
    public interface Source {

        /** @param fromLoopback whether the visitor reached the application from this machine */
        Optional<LoginHint> hint(boolean fromLoopback);
    }
}
