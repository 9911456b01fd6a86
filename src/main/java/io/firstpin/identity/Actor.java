package io.firstpin.identity;

import java.io.Serializable;

/**
 * The caller of a request: a logged-in staff account, an API token, or nobody. Serializable: a signed-in actor is kept
 * in the HTTP session, which lives in the database.
 */
public sealed interface Actor extends Serializable {

    boolean instanceAdmin();

    /** A staff account signed in through the login form. */
    record Staff(long accountId, String email, boolean instanceAdmin) implements Actor {
    }

    /** An API token; organization tokens act as that organization's admin and nothing else. */
    record Token(long tokenId, Long organizationId, TokenScope scope) implements Actor {

        @Override
        public boolean instanceAdmin() {
            return scope == TokenScope.INSTANCE_ADMIN;
        }
    }

    record Anonymous() implements Actor {

        @Override
        public boolean instanceAdmin() {
            return false;
        }
    }
}
